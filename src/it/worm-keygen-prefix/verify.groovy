String log = new File(basedir, 'build.log').getText('UTF-8')
// The prefix resolved to this plugin (the log names its coordinates only when it first downloads it).
assert log =~ /--- root24:[^:]+:keygen \(default-cli\)/
assert new File(basedir, 'keys/prefix.key.pem').isFile()
assert new File(basedir, 'keys/prefix.pub.pem').isFile()
assert log.contains('BUILD SUCCESS')
return true
