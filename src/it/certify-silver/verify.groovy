import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('ROOT24 77/100 SILVER (static 60, dynamic 100, audit 65)')
assert log.contains('is below failBelow GOLD')
// the computed path: the cheapest is one action, signing with a trusted key (35 audit points,
// 8.75 overall); each unwired reference (a comment does not count) would be worth only 7
assert log.contains('Path to GOLD (85): 1 action reaches GOLD (85): 77 -> 86')
assert log.contains('1. sign this build and list its public key in trustedKeys: +8.75 -> 86')
assert log.contains('BUILD FAILURE')

// the reports are written before the gate fails the build
File dir = new File(basedir, 'target/root24')
['report.json', 'report.md', 'report.sarif'].each { assert new File(dir, it).isFile() : it }
def json = new JsonSlurper().parse(new File(dir, 'report.json'))
assert json.gate.passed == false
assert json.nextTier.target == 'GOLD'
assert json.nextTier.steps.size() == 1
assert json.nextTier.steps[0].gain == 8.75
def sarif = new JsonSlurper().parse(new File(dir, 'report.sarif'))
// two unwired references, and the audit proof's missing trust (no trusted key configured)
assert sarif.runs[0].results*.ruleId == ['ciReferences/not-referenced', 'ciReferences/not-referenced', 'audit']
assert new File(dir, 'report.md').getText('UTF-8').contains('## Path to GOLD (85)')
return true
