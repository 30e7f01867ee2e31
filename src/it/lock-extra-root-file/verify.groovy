String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('ROOT-24-LOCK: 1 violation(s) in ')
assert log.contains('notes.txt: file is not allowed at the root -> move it into a module, or add it to allowedFiles')
assert log.contains('BUILD FAILURE')
return true
