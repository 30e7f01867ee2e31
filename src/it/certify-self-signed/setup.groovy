new GroovyShell().parse(new File(itProjectsDirectory, '_shared/certify-repo.groovy')).create(basedir, itProjectsDirectory, true)
new GroovyShell().parse(new File(itProjectsDirectory, '_shared/layout.groovy'))
        .ed25519KeyPair(new File(basedir, '23_compliance/keys'), 'root24')
return true
