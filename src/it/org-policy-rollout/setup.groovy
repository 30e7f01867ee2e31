def layout = new GroovyShell().parse(new File(itProjectsDirectory, '_shared/layout.groovy'))

// The organisation example itself, as committed, with the rules version being built.
layout.copyOrganisation(basedir, itProjectsDirectory, root24Version)

// Version 2.0.0 of the policy: every module must also have a README.md.
layout.copyTree(new File(basedir, 'acme-root24-policy'), new File(basedir, 'acme-root24-policy-2'))
File pom2 = new File(basedir, 'acme-root24-policy-2/pom.xml')
pom2.text = pom2.text.replace('<version>1.0.0</version>', '<version>2.0.0</version>')
File policy2 = new File(basedir, 'acme-root24-policy-2/src/main/resources/root24/acme-policy.yaml')
policy2.text = policy2.text.replace('    - module.yaml\n', '    - module.yaml\n    - README.md\n')
assert policy2.text.contains('README.md')

// The same member, using the enforcer's externalRules descriptor from the policy jar instead.
layout.copyTree(new File(basedir, 'payments-service'), new File(basedir, 'payments-external'))
File external = new File(basedir, 'payments-external/pom.xml')
external.text = external.text.replace('<artifactId>payments-service</artifactId>', '<artifactId>payments-external</artifactId>')
        .replace('</project>', '''  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-enforcer-plugin</artifactId>
        <executions>
          <execution>
            <id>root24-lock</id>
            <configuration>
              <rules combine.self="override">
                <externalRules>
                  <location>classpath:root24/acme-enforcer-rules.xml</location>
                </externalRules>
              </rules>
            </configuration>
          </execution>
        </executions>
      </plugin>
    </plugins>
  </build>
</project>''')
return true
