def repo = new GroovyShell().parse(new File(itProjectsDirectory, '_shared/certify-repo.groovy'))
repo.create(basedir, itProjectsDirectory, false)
def layout = new GroovyShell().parse(new File(itProjectsDirectory, '_shared/layout.groovy'))
layout.ed25519KeyPair(new File(basedir, '23_compliance/keys'), 'root24')
return true
