import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('ROOT24 80/100 SILVER (static 60, dynamic 100, audit not measured)')
assert log.contains('is below failBelow GOLD')
// the computed path: one reference (a comment did not count) is worth 10 overall points
assert log.contains('Path to GOLD (85): 1 action reaches GOLD (85): 80 -> 90')
assert log.contains('1. make .github/workflows/ci.yml run 23_compliance/policies/structure.rego: +10.00 -> 90')
assert log.contains('BUILD FAILURE')

// the reports are written before the gate fails the build
File dir = new File(basedir, 'target/root24')
['report.json', 'report.md', 'report.sarif'].each { assert new File(dir, it).isFile() : it }
def json = new JsonSlurper().parse(new File(dir, 'report.json'))
assert json.gate.passed == false
assert json.nextTier.target == 'GOLD'
assert json.nextTier.steps.size() == 1
assert json.nextTier.steps[0].gain == 10.00
def sarif = new JsonSlurper().parse(new File(dir, 'report.sarif'))
assert sarif.runs[0].results.size() == 2
assert new File(dir, 'report.md').getText('UTF-8').contains('## Path to GOLD (85)')
return true
