new GroovyShell().parse(new File(itProjectsDirectory, '_shared/layout.groovy')).create(basedir, [files: ['notes.txt': 'scratch\n']])
return true
