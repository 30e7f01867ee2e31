new GroovyShell().parse(new File(itProjectsDirectory, '_shared/layout.groovy')).create(basedir)
(1..40).each { i ->
    String id = String.format('m%02d', i)
    File module = new File(basedir, "03_core/${id}")
    module.mkdirs()
    new File(module, 'pom.xml').text = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>dev.root24.it</groupId>
    <artifactId>lock-reactor-40</artifactId>
    <version>1.0</version>
    <relativePath>../../pom.xml</relativePath>
  </parent>
  <artifactId>${id}</artifactId>
  <packaging>pom</packaging>
</project>
"""
}
return true
