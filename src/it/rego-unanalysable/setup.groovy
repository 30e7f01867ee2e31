new GroovyShell().parse(new File(itProjectsDirectory, '_shared/layout.groovy')).create(basedir, [files: [
    '23_compliance/policies/01_ai_layer/model.rego': 'package ssid.ai_layer.model\n\nsigned {\n    input.signed\n}\n',
    '23_compliance/policies/compliance.rego': 'package ssid.compliance\n\nallow if input.ok\n',
]])
byte[] binary = [0x70, 0x61, 0x63, 0x6b, 0x0a, 0x00, 0x01, 0xff, 0xfe, 0x0a] as byte[]
new File(basedir, '15_infra/blob.rego').bytes = binary
return true
