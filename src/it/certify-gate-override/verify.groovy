String log = new File(basedir, 'build.log').getText('UTF-8')
// the same repository that fails certify-silver's gate: reported, not failed
assert log.contains('ROOT24 61/100 BRONZE (static 60, dynamic 100, audit 0)')
assert log.contains('Path to SILVER (70): 2 actions reach SILVER (70): 61 -> 75')
assert !log.contains('is below failBelow')
assert log.contains('BUILD SUCCESS')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/root24/report.json'))
assert json.gate.failBelow == 'NONE'
assert json.gate.passed == true
// with no policy file nothing is locked: the -D is the configuration, and its source is recorded
assert json.inputs.policy.provenance.failBelow == '-Droot24.failBelow (command line or .mvn/maven.config)'
assert json.inputs.policy.overrides == []
return true
