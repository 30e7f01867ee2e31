String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('ROOT-24-LOCK: 1 violation(s) in ')
assert log.contains('03_core/module.yaml: required file is missing -> create the file 03_core/module.yaml')
assert log.contains('BUILD FAILURE')
return true
