new GroovyShell().parse(new File(itProjectsDirectory, '_shared/layout.groovy')).create(basedir, [files: ['backup.zip': 'PK', 'allowed.txt': 'x']])
return true
