String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('CI references: phase score 52/100 (52.7 of 100 tool points), below minScore 85')
assert log.contains('structure_guard  2/2 refs  20.0/20')
assert log.contains('structure_policy_opa  0/3 refs  3.0/15')
assert log.contains('structure_lock_gate  0/3 refs  4.0/20')
assert log.contains('pre_commit_hooks  1/2 refs  9.0/15')
assert log.contains('pytest_structure_tests  1/3 refs  4.7/10')
assert log.contains('worm_audit_logging  0/2 refs  2.0/10')
// Gains, best first: the pre-commit gate reference (6.0) before the lock gate's (5.3 each).
int first = log.indexOf('+6.0 if .github/workflows/ci_enforcement_gate.yml runs it  [pre_commit_hooks')
int lockGate = log.indexOf('+5.3 if .github/workflows/ci_structure_guard.yml runs it  [structure_lock_gate')
int last = log.indexOf('+2.7 if .github/workflows/ci_pytest_compliance.yml runs it  [pytest_structure_tests')
assert first > 0 && lockGate > first && last > lockGate
// The mentions the seed's "quick wins" suggest are named, and do not count.
assert log.contains('.github/workflows/ci_structure_guard.yml: not referenced (mentioned on line 7 only in a name)')
assert log.contains('.github/workflows/ci_enforcement_gate.yml: not referenced (mentioned on line 12 only in a step with if: false)')
assert log.contains('pytest.ini: not referenced (mentioned on line 2 only in a comment)')
assert log.contains('23_compliance/tests/integration/test_opa_structure.py: file missing (file not found)')
assert log.contains('BUILD FAILURE')
return true
