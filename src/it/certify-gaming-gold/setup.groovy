// The seed's seven tools, fully wired, then every shortcut a team that wants GOLD without the work took.
File root = new GroovyShell().parse(new File(itProjectsDirectory, '_shared/ci-seed.groovy')).create(basedir, true)
def edit = { String path, Closure change ->
    File f = new File(root, path)
    f.setText(change(f.getText('UTF-8')), 'UTF-8')
}
// Tool files that are empty or a no-op.
new File(root, '12_tooling/scripts/structure_guard.sh').text = ''
new File(root, '23_compliance/exceptions/root_level_exceptions.yaml').text = ': root_level_exceptions.yaml\n'
new File(root, '23_compliance/policies/structure_policy.yaml').text = '\n\n'
// Workflows that never run or never fail.
new File(root, '.github/workflows').eachFile { f ->
    String text = f.getText('UTF-8')
    text = text.replaceAll(/(?m)^on:.*(\n  push:)?$/, 'on: workflow_dispatch')
    f.setText(text, 'UTF-8')
}
edit('.github/workflows/ci_enforcement_gate.yml') { it.replace('jobs:\n', 'defaults:\n  run:\n    shell: cat {0}\njobs:\n') }
edit('.github/workflows/ci_structure_guard.yml') { it.replace('    runs-on: ubuntu-latest\n', '    runs-on: ubuntu-latest\n    continue-on-error: true\n') }
// A hook that only runs by hand, and a test the test runner ignores.
edit('12_tooling/hooks/pre_commit/config.yaml') { it.replace('        language: system\n', '        language: system\n        stages: [manual]\n') }
new File(root, 'pytest.ini').text = '[pytest]\naddopts = --ignore=23_compliance/tests/unit/test_structure_policy_vs_md.py\n'
return true
