def layout = new GroovyShell().parse(new File(itProjectsDirectory, '_shared/layout.groovy'))

// The organisation example as committed (its members deploy to acme-repository/ beside them).
layout.copyOrganisation(basedir, itProjectsDirectory, root24Version)

// The organisation's signing key: the public half ships in the policy jar, the private half is its CI secret.
layout.ed25519KeyPair(new File(basedir, 'org-keys'), 'acme')
new File(basedir, 'acme-root24-policy/src/main/resources/root24/acme-signing.pub.pem').text =
        new File(basedir, 'org-keys/acme.pub.pem').text

// Releases, so that each deploy is one write-once entry of the chain.
File payments = new File(basedir, 'payments-service/pom.xml')
payments.text = payments.text.replace('<version>1.0.0-SNAPSHOT</version>', '<version>${revision}</version>')
File billing = new File(basedir, 'billing-service')
layout.copyTree(new File(basedir, 'payments-service'), billing)
new File(billing, 'pom.xml').text = new File(billing, 'pom.xml').text
        .replace('<artifactId>payments-service</artifactId>', '<artifactId>billing-service</artifactId>')

// The platform team's report runs where there is no POM; it reads the organisation's repository.
File report = new File(basedir, 'report/.mvn')
report.mkdirs()
new File(report, 'maven.config').text = "-Droot24.chainRepository=${new File(basedir, 'acme-repository').toURI()}\n"
new File(basedir, 'report/projects.txt').text = '''# every repository of the organisation
com.acme.platform:payments-service
com.acme.platform:billing-service
com.acme.platform:legacy-portal   # not migrated yet
'''
return true
