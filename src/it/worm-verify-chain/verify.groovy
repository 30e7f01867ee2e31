import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains(': OK, 3 entries, 3 with verified signatures, 0 failure(s), 0 warning(s)')
def result = new JsonSlurper().parse(new File(basedir, 'target/root24/chain-verification.json'))
assert result.outcome == 'OK'
assert result.entries == 3
assert result.problems.isEmpty()
assert log.contains('BUILD SUCCESS')
return true
