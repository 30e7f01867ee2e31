String log = new File(basedir, 'build.log').getText('UTF-8')
def names = new File(itProjectsDirectory, '_shared/worm/legacy-worm-tampered').list().findAll { it.endsWith('.json') }.sort()
String tenth = names[9]
def failures = log.readLines().findAll { it.contains('[ERROR] root24: FAIL') }
assert failures.size() == 3 // sha512, blake2b and the repeated overall_score of the same entry
failures.each { assert it.contains("FAIL entry 9 (${tenth}): index 9 of 0..24 in file-name order") }
assert failures.any { it.contains('worm_signature.overall_score does not match result.summary.overall_score') }
assert log.contains('BUILD FAILURE')
return true
