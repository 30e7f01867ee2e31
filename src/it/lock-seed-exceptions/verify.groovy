String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('ROOT-24-LOCK: OK, 24/24 locked modules, no violations in ')
assert log.contains('BUILD SUCCESS')
return true
