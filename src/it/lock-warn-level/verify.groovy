String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[WARNING] Rule 0: dev.root24.enforcer.Root24LockRule(root24Lock) warned with message:')
assert log.contains('notes.txt: file is not allowed at the root')
assert log.contains('BUILD SUCCESS')
return true
