new GroovyShell().parse(new File(itProjectsDirectory, '_shared/certify-repo.groovy')).create(basedir, itProjectsDirectory, false)
return true
