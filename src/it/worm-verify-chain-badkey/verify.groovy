String log = new File(basedir, 'build.log').getText('UTF-8')
String expected = File.separator + 'broken.pub.pem: truncated or malformed PEM'
assert log.readLines().any { it.startsWith('[ERROR] Failed to execute goal') && it.contains(':verify-chain ') && it.contains(expected) }
assert !log.contains('\tat ') // no stack trace
return true
