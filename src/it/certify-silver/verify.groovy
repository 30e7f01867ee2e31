import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
// An unsigned run on an empty chain with no evidence earns no audit points (no free 65 any more).
assert log.contains('ROOT24 61/100 BRONZE (static 60, dynamic 100, audit 0)')
assert log.contains('is below failBelow GOLD')
// the computed path: wiring both references is worth 7 each, and nothing the team can do alone
// reaches GOLD; it is never told to trust a key of its own
assert log.contains('Path to GOLD (85): GOLD (85) is out of reach: all 2 possible changes together give 75')
assert !log.contains('trustedKeys')
assert log.contains('BUILD FAILURE')

// the reports are written before the gate fails the build
File dir = new File(basedir, 'target/root24')
['report.json', 'report.md', 'report.sarif'].each { assert new File(dir, it).isFile() : it }
def json = new JsonSlurper().parse(new File(dir, 'report.json'))
assert json.gate.passed == false
assert json.nextTier.target == 'SILVER'
assert json.nextTier.steps.size() == 2
assert json.nextTier.steps[0].gain == 7
def sarif = new JsonSlurper().parse(new File(dir, 'report.sarif'))
// two unwired references (errors, on the line that mentions the policy without running it), and what
// the audit proof lacks as a note; no trusted keys and no evidence are the organisation's set-up,
// so they raise no alert in the repository (they are in report.md and report.json)
def results = sarif.runs[0].results
assert results*.ruleId == ['ciReferences/NOT_REFERENCED', 'ciReferences/NOT_REFERENCED', 'auditProof/EMPTY_CHAIN']
assert results*.level == ['error', 'error', 'note']
assert results[0..1].collect { it.locations[0].physicalLocation.artifactLocation.uri + ':' + it.locations[0].physicalLocation.region.startLine } ==
        ['.github/workflows/ci.yml:8', '.github/workflows/opa.yml:7']
assert results.every { it.partialFingerprints['root24/v1'] ==~ /[0-9a-f]{64}:\d+/ }
assert !results.any { it.message.text.contains('no trusted keys') }
assert json.phases.audit.findings*.kind.contains('UNTRUSTED')
assert new File(dir, 'report.md').getText('UTF-8').contains('## Path to SILVER (70 points)')
return true
