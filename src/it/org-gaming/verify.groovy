// All invocations append to one build.log; split it per invocation ("Scanning for projects..." starts one).
List<String> runs = new File(basedir, 'build.log').getText('UTF-8').split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 13 : "expected 13 invocations, found ${runs.size()}"
String lock = 'classpath:root24/acme-policy.yaml'

// 3: the honest member, signed with the organisation's key, is certified and records where its settings came from
assert runs[2].contains('BUILD SUCCESS')
// GOLD honestly: fully wired, checks pass, signed by the organisation, its audit trail present;
// only the chain part is missing, as target/ starts every build with an empty chain
assert runs[2].contains('ROOT24 90/100 GOLD (static 100, dynamic 100, audit 60)')
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'honest/target/root24/report.json'))
assert report.inputs.policy.base.artifact == 'com.acme.platform:acme-root24-policy:1.0.0'
assert report.inputs.policy.locked.contains('scoring')
assert report.inputs.policy.overrides == []
assert report.inputs.policy.provenance['scoring'] == null
assert report.inputs.policy.provenance['failBelow'].startsWith(lock + ':')
assert report.inputs.worm.trustedKeyIds.size() == 1
// the signed statement carries what the verifier needs
def envelope = new groovy.json.JsonSlurper().parse(new File(basedir, 'honest/target/root24/certification.dsse.json'))
def claims = new groovy.json.JsonSlurper().parse(Base64.decoder.decode(envelope.payload as String)).predicate.certification
assert claims.project == 'com.acme.platform:honest:1.0.0-SNAPSHOT'
assert claims.policy.artifact == 'com.acme.platform:acme-root24-policy:1.0.0'
assert claims.policy.baseSha256 == report.inputs.policy.base.sha256
assert claims.policy.locked.contains('worm.trustedKeys')
assert claims.overrides == []
assert claims.checks*.id == ['root24Lock', 'structure_guard']
assert claims.checks.find { it.id == 'structure_guard' }.commandSha256 ==~ /[0-9a-f]{64}/
assert claims.checks*.outcome == ['PASSED', 'PASSED']
assert claims.tools.size() == 1 && claims.tools[0].counted && claims.tools[0].sha256 ==~ /[0-9a-f]{64}/
// 4: the organisation's verifier accepts it
assert runs[3].contains('ACCEPTED: signed by the organisation')
assert runs[3].contains('BUILD SUCCESS')
def vsa = new groovy.json.JsonSlurper().parse(new File(basedir, 'honest/target/root24/verification-summary.json'))
assert vsa.predicateType == 'https://slsa.dev/verification_summary/v1'
assert vsa.predicate.verificationResult == 'PASSED'
assert vsa.predicate.verifiedLevels == ['ROOT24_GOLD']
assert vsa.predicate.policy.digest.sha256 == report.inputs.policy.base.sha256

// 5: weights from the POM
assert runs[4] =~ /scoring\.weights\.static is locked by classpath:root24\/acme-policy\.yaml:\d+ \(com\.acme\.platform:acme-root24-policy:1\.0\.0\): [^\n]*<staticWeight> tried 0/
// 6: .mvn/maven.config
assert runs[5].contains('-Droot24.staticWeight (command line or .mvn/maven.config) tried 0')
assert runs[5].contains('is locked by ' + lock)
// 7: wider exit codes for a locked check
assert runs[6] =~ /checks\[structure_guard\]\.acceptExitCodes is locked by classpath:root24\/acme-policy\.yaml:\d+[^\n]*<checks> tried \[0,1\]/
// 8: the team's own key
assert runs[7] =~ /worm\.trustedKeys is locked by classpath:root24\/acme-policy\.yaml:\d+/
// 9: a team file that extends the policy, caught by the first rule that reads it
assert runs[8] =~ /scoring\.weights\.static is locked by classpath:root24\/acme-policy\.yaml:\d+[^\n]*: 23_compliance\/team-policy\.yaml:4 tried 0/
// 10: an empty tool file is no tool
assert runs[9].contains('(tool file is empty: 12_tooling/scripts/structure_guard.sh)')
assert runs[9].contains('below minScore 60')
// 11: one policy for every rule and goal
assert runs[10].contains("<root24Lock><policy> is '23_compliance/lenient.yaml' but the root24.policy property is '" + lock + "'")
// 12: a repository under a policy of its own certifies, but its own key earns nothing
assert runs[11].contains('BUILD SUCCESS')
assert runs[11].contains('is a file of the repository (23_compliance/keys/team.pub.pem), not by the organisation\'s policy artifact: its signatures earn no audit points')
// 13: and the organisation's verifier rejects it, with every reason
assert runs[12].contains('is rejected (')
assert runs[12].contains("its base policy has sha256 ")
assert runs[12].contains("no signature by an organisation key")
assert runs[12].contains('BUILD FAILURE')
def rejected = new groovy.json.JsonSlurper().parse(new File(basedir, 'own-policy/target/root24/verification-summary.json'))
assert rejected.predicate.verificationResult == 'FAILED'
assert rejected.predicate.verifiedLevels == []
// Every failure is a configuration error in one line, never a stack trace.
runs.each { assert !it.contains('\tat dev.root24') }
return true
