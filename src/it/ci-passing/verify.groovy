String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('CI references: phase score 100/100 (100.0 of 100 tool points), minScore 100: OK')
assert log.contains('structure_lock_gate  3/3 refs  20.0/20')
assert log.contains('pytest_structure_tests  3/3 refs  10.0/10')
// Once per reactor: the module reuses the root's result instead of reading the files again.
assert log.count('CI references: phase score') == 1
assert log.contains('BUILD SUCCESS')
return true
