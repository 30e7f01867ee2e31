String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('ROOT-24-LOCK: 1 violation(s) in ' + basedir.canonicalPath)
assert log.contains('07_governance_legal/: locked module is missing -> create the directory 07_governance_legal/')
assert log.contains('BUILD FAILURE')
return true
