import java.nio.file.*

Path shared = new File(itProjectsDirectory, "_shared/worm").toPath()
Path base = basedir.toPath()
Files.createDirectories(base.resolve("store"))
Files.list(shared.resolve("store")).each { Files.copy(it, base.resolve("store").resolve(it.fileName.toString())) }
["it-signing.pub.pem", "trusted-checkpoint"].each { Files.copy(shared.resolve(it), base.resolve(it)) }
File entry = new File(basedir, 'store/entry-0000000000.dsse.json')
byte[] bytes = entry.bytes
int at = new String(bytes, 'UTF-8').indexOf('"payloadType"') - 20
bytes[at] = (byte) (bytes[at] ^ 0x01)
entry.bytes = bytes
return true
