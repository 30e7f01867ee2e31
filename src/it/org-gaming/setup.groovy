def layout = new GroovyShell().parse(new File(itProjectsDirectory, '_shared/layout.groovy'))

// The organisation example itself, as committed, with the rules version being built.
layout.copyOrganisation(basedir, itProjectsDirectory, root24Version)

// The organisation's signing key: the public half ships in the policy jar, the private half is its CI secret.
layout.ed25519KeyPair(new File(basedir, 'org-keys'), 'acme')
new File(basedir, 'acme-root24-policy/src/main/resources/root24/acme-signing.pub.pem').text =
        new File(basedir, 'org-keys/acme.pub.pem').text

def member = { String name, Closure change ->
    File dir = new File(basedir, name)
    layout.copyTree(new File(basedir, 'payments-service'), dir)
    File pom = new File(dir, 'pom.xml')
    pom.text = pom.text.replace('<artifactId>payments-service</artifactId>', "<artifactId>${name}</artifactId>")
    change(dir, pom)
}
def certifyConfiguration = { File pom, String xml ->
    pom.text = pom.text.replace('</project>', """  <build>
    <plugins>
      <plugin>
        <groupId>dev.root24</groupId>
        <artifactId>root24-maven-plugin</artifactId>
        <configuration>
${xml}
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>""")
}

member('honest') { dir, pom -> }
member('pom-weights') { dir, pom ->
    certifyConfiguration(pom, '          <staticWeight>0</staticWeight>\n          <dynamicWeight>75</dynamicWeight>')
}
member('maven-config') { dir, pom ->
    new File(dir, '.mvn/maven.config').text = '--no-transfer-progress\n-Droot24.failBelow=NONE\n-Droot24.staticWeight=0\n-Droot24.dynamicWeight=75\n'
}
member('exit-codes') { dir, pom ->
    certifyConfiguration(pom, '''          <checks>
            <check>
              <id>structure_guard</id>
              <acceptExitCodes>0,1</acceptExitCodes>
            </check>
          </checks>''')
}
member('self-key') { dir, pom ->
    layout.ed25519KeyPair(new File(dir, '23_compliance/keys'), 'team')
    certifyConfiguration(pom, '''          <signingKey>${project.basedir}/23_compliance/keys/team.key.pem</signingKey>
          <trustedKeys>
            <trustedKey>23_compliance/keys/team.pub.pem</trustedKey>
          </trustedKeys>''')
}
member('extends-weakens') { dir, pom ->
    new File(dir, '23_compliance/team-policy.yaml').text = '''version: 1
extends: classpath:root24/acme-policy.yaml
scoring:
  weights: {static: 0, dynamic: 75, audit: 25}
'''
    pom.text = pom.text.replace('<packaging>pom</packaging>',
            '<packaging>pom</packaging>\n  <properties>\n    <root24.policy>23_compliance/team-policy.yaml</root24.policy>\n  </properties>')
}
member('empty-tool') { dir, pom ->
    new File(dir, '12_tooling/scripts/structure_guard.sh').text = ''
}
member('split-policy') { dir, pom ->
    new File(dir, '23_compliance/lenient.yaml').text = 'version: 1\nstructure:\n  allowedFiles: [anything.txt]\n'
    pom.text = pom.text.replace('</project>', '''  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-enforcer-plugin</artifactId>
        <executions>
          <execution>
            <id>root24-lock</id>
            <configuration>
              <rules combine.self="override">
                <root24Lock>
                  <policy>23_compliance/lenient.yaml</policy>
                </root24Lock>
              </rules>
            </configuration>
          </execution>
        </executions>
      </plugin>
    </plugins>
  </build>
</project>''')
}
member('own-policy') { dir, pom ->
    layout.ed25519KeyPair(new File(dir, '23_compliance/keys'), 'team')
    new File(dir, '23_compliance/own-policy.yaml').text = '''version: 1
ci:
  tools:
    - id: structure_guard
      path: 12_tooling/scripts/structure_guard.sh
      referencedBy: [.github/workflows/ci.yml]
checks:
  - id: root24Lock
worm:
  trustedKeys: [23_compliance/keys/team.pub.pem]
'''
    pom.text = pom.text.replace('<packaging>pom</packaging>',
            '<packaging>pom</packaging>\n  <properties>\n    <root24.policy>23_compliance/own-policy.yaml</root24.policy>\n  </properties>')
}
return true
