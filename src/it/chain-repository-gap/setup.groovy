def layout = new GroovyShell().parse(new File(itProjectsDirectory, '_shared/layout.groovy'))
layout.create(basedir)
layout.ed25519KeyPair(new File(basedir, '23_compliance/keys'), 'root24')
return true
