import groovy.json.JsonSlurper

File policies = new File(basedir, '23_compliance/policies')
File policy = new File(policies, '01ailayer_policy_v6_0.rego')
String log = new File(basedir, 'build.log').getText('UTF-8')

// 1. the rule failed, naming file, line, found and expected
assert log.contains('23_compliance/policies/01ailayer_policy_v6_0.rego:2: package ssid.01ailayer.v6_0 found, expected ssid.ai_layer or below it (module 01_ai_layer, from the file name)')
assert log.contains("23_compliance/policies/01ailayer_policy_v6_0.rego:6: partial set rule 'deny[msg]' without 'contains'")
assert log.contains("23_compliance/policies/01ailayer_policy_v6_0.rego:12: rule body of 'allow' without 'if'")
assert !log.contains('broken.rego')

// 2. the dry run listed every change and wrote nothing but its report
def dry = new JsonSlurper().parse(new File(basedir, 'target/root24/dry-run.json'))
assert dry.mode == 'dry-run'
assert dry.changes.find { it.line == 2 }.before == 'package ssid.01ailayer.v6_0'
assert dry.changes.find { it.line == 2 }.after == 'package ssid.ai_layer.v6_0'
assert dry.changes.find { it.line == 4 }.after == 'import rego.v1'
assert dry.changes.find { it.line == 6 }.after == 'deny contains msg if {'
assert dry.changes.find { it.line == 12 }.after == 'allow if {'
assert dry.changeCount == 4
assert log.contains('rego-migrate: dry run, 4 change(s) in 1 of 2 .rego file(s); nothing written')

// 3. applied: rewritten, original kept byte for byte, excluded file untouched
def applied = new JsonSlurper().parse(new File(basedir, 'target/root24/rego-migration.json'))
assert applied.mode == 'apply'
assert applied.written == ['23_compliance/policies/01ailayer_policy_v6_0.rego']
assert applied.backups == ['23_compliance/policies/.backups/01ailayer_policy_v6_0.rego.bak']
String now = policy.getText('UTF-8')
assert now.contains('package ssid.ai_layer.v6_0\n\nimport rego.v1\n\ndeny contains msg if {')
assert now.contains('msg := sprintf("model %s must be signed {", [m.name])')
assert now.contains('allow if {')
File backup = new File(policies, '.backups/01ailayer_policy_v6_0.rego.bak')
assert backup.isFile()
assert backup.getText('UTF-8').startsWith('# as in the seed repository before its refactoring\npackage ssid.01ailayer.v6_0\n')
assert new File(basedir, '23_compliance/tests/fixtures/broken.rego').getText('UTF-8') == 'package not.checked\n\ndeny[x] { x := 1 }\n'

// 4. the rule passed on the fixed tree (the .backups/ copy is not scanned)
assert log.contains('regoPackages: OK, 2 .rego file(s), no violations under ' + basedir.canonicalPath)

// 5. a second run changed nothing
def second = new JsonSlurper().parse(new File(basedir, 'target/root24/second-run.json'))
assert second.changeCount == 0
assert second.written == []
assert policies.toPath().resolve('.backups').toFile().list().toList() == ['01ailayer_policy_v6_0.rego.bak']
return true
