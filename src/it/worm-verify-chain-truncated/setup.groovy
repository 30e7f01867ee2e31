import java.nio.file.*

Path shared = new File(itProjectsDirectory, "_shared/worm").toPath()
Path base = basedir.toPath()
Files.createDirectories(base.resolve("store"))
Files.list(shared.resolve("store")).each { Files.copy(it, base.resolve("store").resolve(it.fileName.toString())) }
["it-signing.pub.pem", "trusted-checkpoint"].each { Files.copy(shared.resolve(it), base.resolve(it)) }
['store/entry-0000000001.dsse.json', 'store/entry-0000000002.dsse.json', 'store/checkpoint'].each {
    assert new File(basedir, it).delete()
}
return true
