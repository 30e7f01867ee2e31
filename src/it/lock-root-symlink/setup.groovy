import java.nio.file.Files
import java.nio.file.Paths

new GroovyShell().parse(new File(itProjectsDirectory, '_shared/layout.groovy')).create(basedir)
// Points outside the repository: the rule must report it without looking behind it.
Files.createSymbolicLink(new File(basedir, 'shared-data').toPath(), Paths.get(System.getProperty('java.io.tmpdir')))
return true
