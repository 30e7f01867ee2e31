import java.nio.file.*

Path from = new File(itProjectsDirectory, '_shared/worm/legacy-worm-tampered').toPath()
Path to = basedir.toPath().resolve('store')
Files.createDirectories(to)
Files.list(from).each { Files.copy(it, to.resolve(it.fileName.toString())) }
return true
