def seedPolicy = '''# as in the seed repository before its refactoring
package ssid.01ailayer.v6_0

import future.keywords.in

deny[msg] {
    some m in input.models
    not m.signed
    msg := sprintf("model %s must be signed {", [m.name])
}

allow {
    count(deny) == 0
}
'''
new GroovyShell().parse(new File(itProjectsDirectory, '_shared/layout.groovy')).create(basedir, [files: [
    '23_compliance/policies/01ailayer_policy_v6_0.rego': seedPolicy,
    '23_compliance/policies/23_compliance_ok.rego': 'package ssid.compliance.ok\n\nallow if input.ok\n',
    '23_compliance/tests/fixtures/broken.rego': 'package not.checked\n\ndeny[x] { x := 1 }\n',
]])
return true
