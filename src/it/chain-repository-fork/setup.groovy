def layout = new GroovyShell().parse(new File(itProjectsDirectory, '_shared/layout.groovy'))
layout.create(basedir)
layout.ed25519KeyPair(new File(basedir, '23_compliance/keys'), 'root24')

// The other clone: the same project (this pom as the invoker filtered it), deploying to the same
// repository, without the check that starts it.
File other = layout.create(new File(basedir, 'concurrent'))
String pom = new File(basedir, 'pom.xml').getText('UTF-8')
        .replace('file://${project.basedir}/repo', 'file://${project.basedir}/../repo')
        .replace('${project.basedir}/23_compliance/', '${project.basedir}/../23_compliance/')
        .replaceAll(/(?s)<profiles>.*<\/profiles>/, '')
        .replaceAll(/(?s)<check>\s*<!-- only in build 1\.1.*?<\/check>/, '')
assert !pom.contains('concurrentBuild</id>')
new File(other, 'pom.xml').setText(pom, 'UTF-8')
return true
