String log = new File(basedir, 'build.log').getText('UTF-8')

// 1. could not analyse, with file and line; v1 syntax as a warning only
assert log.contains('15_infra/blob.rego:2: could not analyse: binary content (NUL byte), not Rego source')
assert log.contains("[WARNING] regoPackages: 23_compliance/policies/01_ai_layer/model.rego:3: rule body of 'signed' without 'if'")
assert log.contains('regoPackages: 1 violation(s) in 3 .rego file(s)')

// 2. a bad setting: one line, no stack trace
// Inline values get the policy schema's bounds, and the message names the parameter that set it.
assert log.contains("<regoPackages><v1Syntax>: rego.v1Syntax must be one of off, warn, error")
assert !log.contains('at dev.root24')

// 3. the binary file is byte-for-byte what it was; the other file was fixed
assert log.contains('left alone 15_infra/blob.rego:2: could not analyse: binary content (NUL byte), not Rego source')
assert new File(basedir, '15_infra/blob.rego').bytes == ([0x70, 0x61, 0x63, 0x6b, 0x0a, 0x00, 0x01, 0xff, 0xfe, 0x0a] as byte[])
assert !new File(basedir, '15_infra/.backups').exists()
assert new File(basedir, '23_compliance/policies/01_ai_layer/model.rego').getText('UTF-8') == 'package ssid.ai_layer.model\n\nsigned if {\n    input.signed\n}\n'
assert new File(basedir, '23_compliance/policies/01_ai_layer/.backups/model.rego.bak').isFile()
return true
