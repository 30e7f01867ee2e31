import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('ROOT24 77/100 SILVER (static 60, dynamic 100, audit 65)')
assert log.contains('is below failBelow GOLD')
// the computed path: two references (comments did not count), each worth 7 overall points
assert log.contains('Path to GOLD (85): 2 actions reach GOLD (85): 77 -> 91')
assert log.contains('1. make .github/workflows/ci.yml run 23_compliance/policies/structure.rego: +7.00 -> 84')
assert log.contains('2. make .github/workflows/opa.yml run 23_compliance/policies/structure.rego: +7.00 -> 91')
assert log.contains('BUILD FAILURE')

// the reports are written before the gate fails the build
File dir = new File(basedir, 'target/root24')
['report.json', 'report.md', 'report.sarif'].each { assert new File(dir, it).isFile() : it }
def json = new JsonSlurper().parse(new File(dir, 'report.json'))
assert json.gate.passed == false
assert json.nextTier.target == 'GOLD'
assert json.nextTier.steps.size() == 2
assert json.nextTier.steps*.gain == [7.00, 7.00]
def sarif = new JsonSlurper().parse(new File(dir, 'report.sarif'))
// two unwired references, and the audit proof's missing trust (no trusted key configured)
assert sarif.runs[0].results*.ruleId == ['ciReferences/not-referenced', 'ciReferences/not-referenced', 'audit']
assert new File(dir, 'report.md').getText('UTF-8').contains('## Path to GOLD (85)')
return true
