import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
// Gaming route: PLATINUM with a key the team made itself. The key still signs, but a key the
// repository supplies earns nothing, and an empty chain with no evidence earns nothing either.
assert log.contains('ROOT24 68/100 BRONZE (static 80, dynamic 100, audit 0)')
// once per reactor: the 03_core module does not certify again
assert log.count('ROOT24 68/100 BRONZE') == 1
assert log.contains('is a file of the repository (23_compliance/keys/root24.pub.pem), not by the organisation\'s policy artifact: its signatures earn no audit points')
assert log.contains('chain empty (0 entries); 0 of 1 certifications signed with an organisation key, this one included; 0 of 0 evidence files present')
assert log.contains('WORM entry 0 (signed [Ed25519 signing key ')
assert log.contains('pre_commit') && log.contains('exit 1')
assert log.contains('Path to SILVER (70)')
// the hint never tells a team to trust its own key
assert !log.contains('trustedKeys')
assert log.contains('BUILD SUCCESS')

File dir = new File(basedir, 'target/root24')
['report.json', 'report.md', 'report.sarif'].each { assert new File(dir, it).isFile() : it }

def json = new JsonSlurper().parse(new File(dir, 'report.json'))
assert json.overall.score == 68
assert json.overall.tier == 'BRONZE'
assert json.gate.passed == true
assert json.inputs.worm.trustedKeyIds == []
assert json.inputs.worm.ignoredKeys.size() == 1
assert json.phases.static.score == 80
assert json.phases.static.tools*.id == ['structure_guard', 'structure_policy_opa']
assert json.phases.dynamic.checks*.id == ['root24Lock', 'structure_guard', 'opa_eval', 'pre_commit']
assert json.phases.dynamic.checks*.status == ['PASSED', 'PASSED', 'PASSED', 'PASSED']
assert json.phases.dynamic.checks[2].stdout.tail == 'Version: 1.0.0 (stand-in)\n'
assert json.phases.audit.measured == true
assert json.phases.audit.score == 0

// report.sarif: structure here; ReportsTest validates the same writer against the official schema
def sarif = new JsonSlurper().parse(new File(dir, 'report.sarif'))
assert sarif.version == '2.1.0'
def run = sarif.runs[0]
assert run.tool.driver.name == 'Root24 Lock'
assert run.automationDetails.id == 'root24-certify/'
// the one violation: opa.yml mentions the policy only in a comment, shown on that line; what the
// repository lacks (chain entries, a key that counts) are notes; what only the organisation can
// set up (trusted keys, evidence) raises no alert here at all
assert run.results*.ruleId == ['ciReferences/NOT_REFERENCED', 'auditProof/UNTRUSTED_KEY', 'auditProof/EMPTY_CHAIN']
assert run.results*.level == ['warning', 'note', 'note']
def opa = run.results[0].locations[0].physicalLocation
assert opa.artifactLocation.uri == '.github/workflows/opa.yml'
assert opa.region.startLine == 7
assert run.results.any { it.message.text.contains('is a file of the repository (23_compliance/keys/root24.pub.pem)') }
// results on no file of their own sit on the POM line that declares the plugin
def pomLine = new File(basedir, 'pom.xml').readLines().findIndexOf { it.contains('<artifactId>root24-maven-plugin</artifactId>') } + 1
assert run.results[1..2].every { it.locations[0].physicalLocation.artifactLocation.uri == 'pom.xml' &&
        it.locations[0].physicalLocation.region.startLine == pomLine }
assert run.tool.driver.rules.every { it.help.text && it.help.markdown && it.fullDescription.text && it.properties.tags }

String md = new File(dir, 'report.md').getText('UTF-8')
assert md.startsWith('# ROOT24 certification: 68/100 BRONZE')
assert md.contains('Gate BRONZE: passed.')
assert !md.contains('exhaustively') && !md.contains('fail below')

// report.json is attached beside the certification, so install (and deploy) carry the full report
File installed = new File(localRepositoryPath, 'dev/root24/it/certify-parent/1.0/certify-parent-1.0-root24-report.json')
assert installed.isFile() : installed
assert installed.getText('UTF-8') == new File(dir, 'report.json').getText('UTF-8')
assert new File(localRepositoryPath, 'dev/root24/it/certify-parent/1.0/certify-parent-1.0-root24-certification.dsse.json').isFile()

// reports are for everyone to read (0644), not owner-only like a key
if (java.nio.file.FileSystems.default.supportedFileAttributeViews().contains('posix')) {
    ['report.json', 'report.md', 'report.sarif', 'certification.dsse.json'].each {
        assert java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(new File(dir, it).toPath())) == 'rw-r--r--' : it
    }
}

// the signed entry and the checkpoint sit beside the reports; the private key is in none of them
def envelope = new JsonSlurper().parse(new File(dir, 'certification.dsse.json'))
assert envelope.payloadType == 'application/vnd.in-toto+json'
assert envelope.signatures.size() == 1
def statement = new JsonSlurper().parse(Base64.decoder.decode(envelope.payload as String))
assert statement._type == 'https://in-toto.io/Statement/v1'
assert new File(dir, 'checkpoint').text.readLines()[1] == '1'
assert new JsonSlurper().parse(new File(dir, 'chain-verification.json')).outcome == 'WARN'
String privateKey = new File(basedir, '23_compliance/keys/root24.key.pem').text.readLines()[1]
dir.eachFile { f -> assert !f.isFile() || !f.text.contains(privateKey) : f }
assert !log.contains(privateKey)
return true
