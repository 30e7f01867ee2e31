// All invocations append to one build.log; split it per invocation ("Scanning for projects..." starts one).
List<String> runs = new File(basedir, 'build.log').getText('UTF-8').split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 7 : "expected 7 invocations, found ${runs.size()}"
String root = basedir.canonicalPath

// 4: the compliant member passes under policy 1.0.0
assert runs[3].contains("ROOT-24-LOCK: OK, 24/24 locked modules, no violations in ${root}/payments-service")
assert runs[3].contains('CI references: phase score 100/100 (20.0 of 20 tool points), minScore 60: OK')
// certify from the same policy: its checks, and its failBelow SILVER passed
// unsigned, on an empty chain (target/): only its audit trail earns audit points
assert runs[3].contains('ROOT24 81/100 SILVER (static 100, dynamic 100, audit 25)')
assert runs[3].contains('BUILD SUCCESS')

// 5: the non-compliant member fails with every violation the policy defines, each with its fix
assert runs[4].contains("ROOT-24-LOCK: 3 violation(s) in ${root}/legacy-portal")
assert runs[4].contains('03_core/module.yaml: required file is missing -> create the file 03_core/module.yaml')
assert runs[4].contains('07_governance_legal/: locked module is missing -> create the directory 07_governance_legal/')
assert runs[4].contains("debug.log: matches forbidden pattern '*.log' -> delete it from the root, or move it into a module")
assert runs[4].contains('CI references: phase score 0/100 (0.0 of 20 tool points), below minScore 60')
assert runs[4].contains('+4.0 if 12_tooling/scripts/structure_guard.sh exists  [structure_guard]')
assert runs[4].contains('BUILD FAILURE')
// ...and, though it failed at validate, it leaves one SARIF per rule for CI to upload
def slurper = new groovy.json.JsonSlurper()
def lockSarif = slurper.parse(new File(basedir, 'legacy-portal/target/root24/root24Lock.sarif'))
// a missing module or file is no place code scanning can show: it is shown at the <parent> that
// brings the rule in (line 8), its message naming what is missing; debug.log is a real file, as a whole (line 1)
def located = lockSarif.runs[0].results.collect { r ->
    def p = r.locations[0].physicalLocation
    p.artifactLocation.uri + (p.region ? ':' + p.region.startLine : '')
}
assert located.sort() == ['debug.log:1', 'pom.xml:8', 'pom.xml:8']
assert lockSarif.runs[0].results*.message*.text.count { it.startsWith('03_core/module.yaml: ') || it.startsWith('07_governance_legal/: ') } == 2
assert lockSarif.runs[0].tool.driver.rules.every { it.help.markdown && it.fullDescription.text && it.properties.tags }
assert lockSarif.runs[0].results.every { it.level == 'error' && it.partialFingerprints['root24/v1'] }
def ciSarif = slurper.parse(new File(basedir, 'legacy-portal/target/root24/ciReferences.sarif'))
assert !ciSarif.runs[0].results.isEmpty()
assert ciSarif.runs[0].results.every { it.level == 'error' }

// 6: the same compliant member under policy 2.0.0 (README.md required in every module) fails
assert runs[5].contains("ROOT-24-LOCK: 24 violation(s) in ${root}/payments-service")
assert runs[5].contains('01_ai_layer/README.md: required file is missing -> create the file 01_ai_layer/README.md')
assert runs[5].contains('BUILD FAILURE')

// 7: the enforcer's externalRules descriptor from the policy jar gives the same verdict
assert runs[6].contains('Rule Config Provider org.apache.maven.enforcer.rules.ExternalRules executed')
assert runs[6].contains("ROOT-24-LOCK: OK, 24/24 locked modules, no violations in ${root}/payments-external")
assert runs[6].contains('Rule 1: dev.root24.enforcer.CiReferencesRule(ciReferences) passed')
assert runs[6].contains('BUILD SUCCESS')
return true
