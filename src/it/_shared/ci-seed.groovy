// Writes the seed report's seven tools and their CI files into an integration test's directory.
// wired: false -> wired as the seed describes (phase score 52); true -> every reference runs.

def create(File basedir, boolean wired) {
    def files = [
        '12_tooling/scripts/structure_guard.sh': '#!/usr/bin/env bash\nEXCEPTIONS=23_compliance/exceptions/root_level_exceptions.yaml\n',
        '23_compliance/policies/structure_policy.yaml': 'package: structure\n',
        '23_compliance/exceptions/root_level_exceptions.yaml': 'root_level_exceptions: {}\n',
        '24_meta_orchestration/triggers/ci/gates/structure_lock_l3.py': 'EXCEPTIONS = "23_compliance/exceptions/root_level_exceptions.yaml"\n',
        '23_compliance/tests/unit/test_structure_policy_vs_md.py': 'def test_policy():\n    assert True\n',
        '02_audit_logging/worm_storage/worm_storage_engine.py': 'class WormStorage:\n    pass\n',
        '12_tooling/hooks/pre_commit/config.yaml': """\
repos:
  - repo: local
    hooks:
      - id: lock-gate
        # python 24_meta_orchestration/triggers/ci/gates/structure_lock_l3.py
        entry: ${wired ? 'python 24_meta_orchestration/triggers/ci/gates/structure_lock_l3.py' : 'echo lock gate'}
        language: system
""",
        '.github/workflows/ci_structure_guard.yml': """\
on:
  push:
jobs:
  guard:
    runs-on: ubuntu-latest
    steps:
      - name: structure_lock_l3.py
        run: |
          bash 12_tooling/scripts/structure_guard.sh
          ${wired ? '' : '# '}python 24_meta_orchestration/triggers/ci/gates/structure_lock_l3.py
""",
        '.github/workflows/ci_enforcement_gate.yml': """\
on: [push, pull_request]
# 23_compliance/policies/structure_policy.yaml
jobs:
  gate:
    runs-on: ubuntu-latest
    steps:
      - run: ./12_tooling/scripts/structure_guard.sh
      - run: pytest -q 23_compliance/tests/unit/test_structure_policy_vs_md.py
      - if: ${wired ? 'always()' : 'false'}
        run: |
          opa eval -d 23_compliance/policies/structure_policy.yaml data
          python 24_meta_orchestration/triggers/ci/gates/structure_lock_l3.py
          pre-commit run --config 12_tooling/hooks/pre_commit/config.yaml
""",
        '.github/workflows/pre-commit.yml': """\
on: pull_request
jobs:
  hooks:
    runs-on: ubuntu-latest
    steps:
      - run: pre-commit run --all-files --config 12_tooling/hooks/pre_commit/config.yaml
""",
        '.github/workflows/ci_opa_structure.yml': """\
on: push
jobs:
  opa:
    runs-on: ubuntu-latest
    steps:
      - name: opa eval 23_compliance/policies/structure_policy.yaml
        run: ${wired ? 'opa eval -d 23_compliance/policies/structure_policy.yaml data' : 'opa version'}
""",
        'pytest.ini': "[pytest]\n${wired ? '' : '# '}addopts = 23_compliance/tests/unit/test_structure_policy_vs_md.py\n",
        '02_audit_logging/evidence_trails/integrated_audit_trail.py':
            "${wired ? '' : '# '}ENGINE = '02_audit_logging/worm_storage/worm_storage_engine.py'\n",
        '11_test_simulation/tests/unit/test_registry_logic.py': "def test_registry():  # worm_storage_engine.py\n    assert True\n",
    ]
    if (wired) {
        files['.github/workflows/ci_pytest_compliance.yml'] = """\
on: push
jobs:
  pytest:
    runs-on: ubuntu-latest
    steps:
      - run: python -m pytest 23_compliance/tests/unit/test_structure_policy_vs_md.py
"""
        files['23_compliance/tests/integration/test_opa_structure.py'] =
            'POLICY = "23_compliance/policies/structure_policy.yaml"\n'
        files['11_test_simulation/tests/unit/test_registry_logic.py'] =
            'from pathlib import Path\nENGINE = Path("02_audit_logging") / "worm_storage" / "worm_storage_engine.py"\n'
    }
    new File(basedir, '.mvn').mkdirs()
    files.each { path, content ->
        File file = new File(basedir, path)
        file.parentFile.mkdirs()
        file.setText(content, 'UTF-8')
    }
    return basedir
}
