String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[ERROR] root24: FAIL entry 1 (entry-0000000001.dsse.json): the trusted checkpoint covers 2 entries but the store ends after 1')
assert log.contains('BUILD FAILURE')
return true
