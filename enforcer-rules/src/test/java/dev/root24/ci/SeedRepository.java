package dev.root24.ci;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A repository wired exactly as the seed report describes its phase 1 (score 52): structure_guard
 * 2/2, root_exceptions 2/2, structure_policy_opa 0/3, structure_lock_gate 0/3, pre_commit_hooks
 * 1/2, pytest_structure_tests 1/3, worm_audit_logging 0/2. The unwired tools are mentioned in the
 * ways the seed's "quick wins" suggest (comments, step names), which must not count.
 */
final class SeedRepository {

    private SeedRepository() {}

    static Path create(Path root) {
        write(root, "12_tooling/scripts/structure_guard.sh", """
                #!/usr/bin/env bash
                set -euo pipefail
                EXCEPTIONS=23_compliance/exceptions/root_level_exceptions.yaml
                test -f "$EXCEPTIONS"
                """);
        write(root, "23_compliance/policies/structure_policy.yaml", "package: structure\n");
        write(root, "23_compliance/exceptions/root_level_exceptions.yaml", "root_level_exceptions: {}\n");
        write(root, "24_meta_orchestration/triggers/ci/gates/structure_lock_l3.py", """
                from pathlib import Path
                EXCEPTIONS = Path("23_compliance/exceptions/root_level_exceptions.yaml")
                """);
        write(root, "12_tooling/hooks/pre_commit/config.yaml", """
                repos:
                  - repo: local
                    hooks:
                      - id: guard
                        # runs 24_meta_orchestration/triggers/ci/gates/structure_lock_l3.py (comment only)
                        name: structure_lock_l3.py
                        entry: bash 12_tooling/scripts/structure_guard.sh
                        language: system
                """);
        write(root, "23_compliance/tests/unit/test_structure_policy_vs_md.py", "def test_policy():\n    assert True\n");
        write(root, "02_audit_logging/worm_storage/worm_storage_engine.py", "class WormStorage:\n    pass\n");
        write(root, ".github/workflows/ci_structure_guard.yml", """
                name: Structure guard
                on:
                  push:
                jobs:
                  guard:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - name: Run structure_lock_l3.py
                        run: bash 12_tooling/scripts/structure_guard.sh
                """);
        write(root, ".github/workflows/ci_enforcement_gate.yml", """
                name: Enforcement gate
                on: [push, pull_request]
                # Gate also covers 23_compliance/policies/structure_policy.yaml and config.yaml
                jobs:
                  gate:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - run: |
                          ./12_tooling/scripts/structure_guard.sh
                          # python 24_meta_orchestration/triggers/ci/gates/structure_lock_l3.py
                          pytest -q 23_compliance/tests/unit/test_structure_policy_vs_md.py
                """);
        write(root, ".github/workflows/ci_opa_structure.yml", """
                on: push
                jobs:
                  opa:
                    runs-on: ubuntu-latest
                    steps:
                      - name: opa eval 23_compliance/policies/structure_policy.yaml
                        if: false
                        run: opa eval -d 23_compliance/policies/structure_policy.yaml data
                """);
        write(root, ".github/workflows/pre-commit.yml", """
                on: pull_request
                jobs:
                  hooks:
                    runs-on: ubuntu-latest
                    steps:
                      - run: pre-commit run --all-files --config 12_tooling/hooks/pre_commit/config.yaml
                """);
        write(root, "pytest.ini", """
                [pytest]
                # 23_compliance/tests/unit/test_structure_policy_vs_md.py is collected by default
                testpaths = 23_compliance/tests
                """);
        write(root, "02_audit_logging/evidence_trails/integrated_audit_trail.py", """
                # Writes through 02_audit_logging/worm_storage/worm_storage_engine.py
                def record(entry):
                    return entry
                """);
        write(root, "11_test_simulation/tests/unit/test_registry_logic.py", """
                \"\"\"Registry tests.\"\"\"
                def test_registry():  # see worm_storage_engine.py
                    assert True
                """);
        return root;
    }

    static void write(Path root, String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
