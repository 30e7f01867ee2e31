new GroovyShell().parse(new File(itProjectsDirectory, '_shared/ci-seed.groovy')).create(basedir, false)
return true
