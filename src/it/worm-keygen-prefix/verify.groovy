String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('root24-maven-plugin') && log.contains(':keygen')
assert new File(basedir, 'keys/prefix.key.pem').isFile()
assert new File(basedir, 'keys/prefix.pub.pem').isFile()
assert log.contains('BUILD SUCCESS')
return true
