String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('ROOT-24-LOCK: 1 violation(s) in ' + basedir.canonicalPath)
assert log.contains('shared-data: symbolic link at the root (not followed) -> replace it with a real file or directory, or remove it')
assert log.contains('BUILD FAILURE')
return true
