String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('ROOT-24-LOCK: 1 violation(s) in ')
assert log.contains("backup.zip: matches forbidden pattern '*.zip' -> delete it from the root, or move it into a module")
assert log.contains('BUILD FAILURE')
return true
