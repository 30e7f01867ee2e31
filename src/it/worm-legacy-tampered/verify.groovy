String log = new File(basedir, 'build.log').getText('UTF-8')
def names = new File(itProjectsDirectory, '_shared/worm/legacy-worm-tampered').list().findAll { it.endsWith('.json') }.sort()
String tenth = names[9]
def failures = log.readLines().findAll { it.contains('[ERROR] root24: FAIL') }
assert failures.size() == 2 // sha512 and blake2b of the same entry
failures.each { assert it.contains("FAIL entry 9 (${tenth}): entry 10 of 25 in file-name order") }
assert log.contains('BUILD FAILURE')
return true
