// The files of a ROOT-24 repository for the certify ITs: two CI tools and stand-in scripts for
// the external programs the checks run (opa and pre-commit are not installed on build machines).
// gold: .github/workflows/ci.yml runs the OPA policy (static 80); otherwise it only mentions it
// in a comment, which does not count (static 60).

Map files(boolean gold) {
    return [
        '12_tooling/scripts/structure_guard.sh': 'echo "structure guard: OK"\n',
        '12_tooling/bin/opa': '#!/usr/bin/env bash\necho "Version: 1.0.0 (stand-in)"\n',
        '12_tooling/bin/pre-commit': '#!/usr/bin/env bash\necho "files were modified by this hook"\nexit 1\n',
        '23_compliance/policies/structure.rego': 'package compliance.structure\n',
        '12_tooling/hooks/pre_commit/config.yaml': '''repos:
  - repo: local
    hooks:
      - id: structure-guard
        name: structure guard
        entry: bash 12_tooling/scripts/structure_guard.sh
        language: system
''',
        '.github/workflows/ci.yml': """name: ci
on: [push]
jobs:
  gate:
    runs-on: ubuntu-latest
    steps:
      - run: bash 12_tooling/scripts/structure_guard.sh
${gold ? '      - run: opa eval -d 23_compliance/policies/structure.rego data' : '      # next: opa eval -d 23_compliance/policies/structure.rego data'}
""",
        '.github/workflows/opa.yml': '''name: opa
on: [push]
jobs:
  opa:
    runs-on: ubuntu-latest
    steps:
      # 23_compliance/policies/structure.rego is evaluated elsewhere
      - run: echo skipped
''',
        '03_core/pom.xml': '''<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>dev.root24.it</groupId>
    <artifactId>certify-parent</artifactId>
    <version>1.0</version>
  </parent>
  <artifactId>core</artifactId>
  <packaging>pom</packaging>
</project>
''',
    ]
}

def create(File basedir, String itProjectsDirectory, boolean gold) {
    new GroovyShell().parse(new File(itProjectsDirectory, '_shared/layout.groovy')).create(basedir, [files: files(gold)])
    ['12_tooling/bin/opa', '12_tooling/bin/pre-commit'].each { new File(basedir, it).setExecutable(true) }
    return basedir
}
