import java.nio.file.*

Path shared = new File(itProjectsDirectory, "_shared/worm").toPath()
Path base = basedir.toPath()
Files.createDirectories(base.resolve("store"))
Files.list(shared.resolve("store")).each { Files.copy(it, base.resolve("store").resolve(it.fileName.toString())) }
["it-signing.pub.pem", "trusted-checkpoint"].each { Files.copy(shared.resolve(it), base.resolve(it)) }
return true
