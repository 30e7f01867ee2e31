new GroovyShell().parse(new File(itProjectsDirectory, '_shared/layout.groovy')).create(basedir, [files: ['23_compliance/exceptions/root_level_exceptions.yaml': 'root_level_exceptions:\n  allowed_files:\n    - [unclosed\n']])
return true
