String log = new File(basedir, 'build.log').getText('UTF-8')
// structure_guard 20 + structure_lock_gate 4 = 24 of 40 tool points: 60, below 85, reported as a warning.
assert log.contains('[WARNING]')
assert log.contains('CI references: phase score 60/100 (24.0 of 40 tool points), below minScore 85')
assert log.contains('structure_lock_gate  0/3 refs  4.0/20')
assert log.contains('+5.3 if .github/workflows/ci_structure_guard.yml runs it')
assert !log.contains('[ERROR]')
assert log.contains('BUILD SUCCESS')
return true
