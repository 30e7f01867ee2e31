new GroovyShell().parse(new File(itProjectsDirectory, '_shared/layout.groovy')).create(basedir, [files: [
    'pytest.ini': '[pytest]\n',
    '.pre-commit-config.yaml': 'repos: []\n',
    'docs_site/index.md': '# docs\n',
    '.pytest_cache/README.md': 'cache\n',
    '23_compliance/exceptions/root_level_exceptions.yaml': '''version: 1.0
root_level_exceptions:
  allowed_directories:
    tooling:
      caches: [.pytest_cache]
    documentation:
      - docs_site/
  allowed_files:
    configuration:
      python: [pytest.ini]
      hooks: [.pre-commit-config.yaml]
''']])
return true
