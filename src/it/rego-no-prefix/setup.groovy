new GroovyShell().parse(new File(itProjectsDirectory, '_shared/layout.groovy')).create(basedir, [files: [
    '01_ai_layer/policies/model.rego': 'package ai_layer.model\n\nsigned if input.signed\n',
    '03_core/core.rego': 'package core\n',
]])
return true
