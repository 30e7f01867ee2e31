package dev.root24.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.root24.ci.CiPresets;
import dev.root24.ci.ReferenceResult;
import dev.root24.ci.ReferenceStatus;
import dev.root24.ci.StaticAnalysis;
import dev.root24.ci.ToolResult;
import dev.root24.ci.ToolSpec;

/** The seed report's phase 1: the ssid preset with the references it found, scoring 52. */
final class SeedAnalysis {

    /** How many of each tool's referencing files (the first n, in preset order) run it. */
    static final Map<String, Integer> FOUND = Map.of(
            "structure_guard", 2, "structure_policy_opa", 0, "root_exceptions", 2, "structure_lock_gate", 0,
            "pre_commit_hooks", 1, "pytest_structure_tests", 1, "worm_audit_logging", 0);

    private SeedAnalysis() {}

    static StaticAnalysis create() throws Exception {
        return create(FOUND);
    }

    static StaticAnalysis create(Map<String, Integer> found) throws Exception {
        List<ToolResult> tools = new ArrayList<>();
        for (ToolSpec spec : CiPresets.load("ssid")) {
            int n = found.get(spec.id());
            List<ReferenceResult> refs = new ArrayList<>();
            for (int i = 0; i < spec.referencedBy().size(); i++) {
                refs.add(new ReferenceResult(spec.referencedBy().get(i),
                        i < n ? ReferenceStatus.FOUND : ReferenceStatus.NOT_REFERENCED, i < n ? 3 : 0, ""));
            }
            tools.add(ToolResult.of(spec, true, refs));
        }
        return new StaticAnalysis(tools);
    }
}
