String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD SUCCESS')
// The rule is declared once in the parent and inherited by 40 modules: 41 enforcer executions,
// but one check of the repository root (the enforcer's cache keyed by the rule's cache id).
assert log.count('--- enforcer:') == 41
assert log.count('ROOT-24-LOCK: OK') == 1
return true
