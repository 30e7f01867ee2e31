import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

String log = new File(basedir, 'build.log').getText('UTF-8')
File priv = new File(basedir, 'keys/team.key.pem')
File pub = new File(basedir, 'keys/team.pub.pem')
assert priv.isFile() && pub.isFile()
assert PosixFilePermissions.toString(Files.getPosixFilePermissions(priv.toPath())) == 'rw-------'
assert priv.text.count('-----BEGIN PRIVATE KEY-----') == 2
assert pub.text.count('-----BEGIN PUBLIC KEY-----') == 2
assert log =~ /root24: ML-DSA-44 key id [0-9a-f]{64}/
assert log =~ /root24: Ed25519 key id [0-9a-f]{64}/
// Not one line of the private key may reach the log.
priv.readLines().findAll { !it.startsWith('-----') }.each { assert !log.contains(it) }
assert log.contains('BUILD SUCCESS')
return true
