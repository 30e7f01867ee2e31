import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
// An unsigned run on an empty chain with no evidence earns no audit points (no free 65 any more).
assert log.contains('ROOT24 61/100 BRONZE (static 60, dynamic 100, audit 0)')
assert log.contains('is below failBelow GOLD')
// the computed path: wiring both references is worth 7 each, and nothing the team can do alone
// reaches GOLD; it is never told to trust a key of its own
assert log.contains('Path to GOLD (85): GOLD (85) is out of reach by these actions: all 2 of them together give 75')
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
// two unwired references (errors), and what the audit proof lacks (notes, not standing errors)
assert sarif.runs[0].results*.ruleId == ['ciReferences/not-referenced', 'ciReferences/not-referenced', 'audit', 'audit', 'audit']
assert sarif.runs[0].results.findAll { it.ruleId == 'audit' }*.level == ['note', 'note', 'note']
assert new File(dir, 'report.md').getText('UTF-8').contains('## Path to SILVER (70)')
return true
