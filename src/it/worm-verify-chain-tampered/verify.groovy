import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[ERROR] root24: FAIL entry 0 (entry-0000000000.dsse.json)')
assert log.contains('WORM chain verification FAILED: FAIL entry 0 (entry-0000000000.dsse.json)')
def result = new JsonSlurper().parse(new File(basedir, 'target/root24/chain-verification.json'))
assert result.outcome == 'FAIL'
assert result.problems.findAll { it.severity == 'FAIL' }*.index.min() == 0
assert !log.contains('\tat ') // no stack trace
return true
