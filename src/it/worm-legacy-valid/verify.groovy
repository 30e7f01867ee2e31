String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('/store: WARN, 25 entries, 0 with verified signatures, 0 failure(s)')
assert log.contains('[WARNING] root24: cannot prove: Legacy entries are not linked to each other: a deleted entry goes unnoticed')
assert log.contains('re-ordered')
assert log.contains('nothing proves who wrote it')
assert log.contains('BUILD SUCCESS')
// No pom in noproject/: the goal ran without a project and still wrote its report under target/.
assert new File(basedir, 'noproject/target/root24/chain-verification.json').isFile()
assert !new File(basedir, 'noproject/${project.basedir}').exists()
return true
