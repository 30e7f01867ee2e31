import java.nio.file.*

Path shared = new File(itProjectsDirectory, "_shared/worm").toPath()
Path base = basedir.toPath()
Path store = Files.createDirectories(base.resolve("store"))
Files.list(shared.resolve("store")).each { Files.copy(it, store.resolve(it.fileName.toString())) }
Files.copy(shared.resolve("it-signing.pub.pem"), base.resolve("it-signing.pub.pem"))
Files.delete(store.resolve("checkpoint"))
['store/checkpoint', 'store/entry-0000000003.dsse.json', 'trusted-fifo'].each {
    def p = ['mkfifo', base.resolve(it).toString()].execute()
    assert p.waitFor() == 0 : "mkfifo ${it} failed"
}
return true
