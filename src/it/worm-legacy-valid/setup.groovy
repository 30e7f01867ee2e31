import java.nio.file.*

Path from = new File(itProjectsDirectory, '_shared/worm/legacy-worm-valid').toPath()
Path to = basedir.toPath().resolve('noproject/store')
Files.createDirectories(to)
Files.list(from).each { Files.copy(it, to.resolve(it.fileName.toString())) }
return true
