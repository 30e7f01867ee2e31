package dev.root24.ci;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.root24.policy.PolicyException;
import dev.root24.policy.RepositoryRoot;

/**
 * Phase 1 of a certification: for each tool, whether its file exists and whether each listed CI
 * file really runs it (see {@code docs/rules/ciReferences.md} for what counts). Each referencing
 * file is read once, however many tools expect it to run them.
 */
public final class CiReferenceAnalyzer {

    private final RepositoryRoot root;
    private final CiFileScanner scanner;

    public CiReferenceAnalyzer(RepositoryRoot root) {
        this(root, new CiFileScanner());
    }

    CiReferenceAnalyzer(RepositoryRoot root, CiFileScanner scanner) {
        this.root = Objects.requireNonNull(root);
        this.scanner = scanner;
    }

    /**
     * Analyses the tools. Unreadable, missing or malformed referencing files are results, not
     * errors.
     *
     * @throws PolicyException only for configuration errors: an invalid tool, a duplicate id, or a
     *     tool or referencing path that leaves the repository root; and when a script must be
     *     parsed and the parser's native library cannot be loaded on this platform
     */
    public StaticAnalysis analyze(List<ToolSpec> tools) throws PolicyException {
        if (tools.isEmpty()) {
            throw new PolicyException("ciReferences: no tools configured");
        }
        Set<String> ids = new HashSet<>();
        List<Path> toolPaths = new ArrayList<>();
        // Referencing file -> the (tool, reference) pairs that expect it to run a tool, in order.
        Map<Path, List<int[]>> byFile = new LinkedHashMap<>();
        Map<Path, String> displayNames = new LinkedHashMap<>();
        for (int t = 0; t < tools.size(); t++) {
            ToolSpec tool = tools.get(t);
            tool.validate("ciReferences");
            if (!ids.add(tool.id())) {
                throw new PolicyException("ciReferences: duplicate tool id '" + tool.id() + "'");
            }
            Path toolPath = root.resolve(tool.path().strip(), "tool '" + tool.id() + "' path");
            if (toolPath.equals(root.directory())) {
                throw new PolicyException("tool '" + tool.id() + "' path '" + tool.path() + "' is the repository root, not a tool");
            }
            toolPaths.add(toolPath);
            for (int r = 0; r < tool.referencedBy().size(); r++) {
                String configured = tool.referencedBy().get(r);
                Path file = root.resolve(configured.strip(), "tool '" + tool.id() + "' referencedBy file");
                if (file.equals(root.directory())) {
                    throw new PolicyException("tool '" + tool.id() + "' referencedBy file '" + configured + "' is the repository root, not a file");
                }
                byFile.computeIfAbsent(file, f -> new ArrayList<>()).add(new int[] {t, r});
                displayNames.putIfAbsent(file, display(configured));
            }
        }
        ReferenceResult[][] results = new ReferenceResult[tools.size()][];
        for (int t = 0; t < tools.size(); t++) {
            results[t] = new ReferenceResult[tools.get(t).referencedBy().size()];
        }
        for (Map.Entry<Path, List<int[]>> entry : byFile.entrySet()) {
            // One read per file and set of counted runs: a nightly gate's references count in other runs.
            Map<CountedRuns, List<int[]>> byRuns = new LinkedHashMap<>();
            for (int[] pair : entry.getValue()) {
                CountedRuns own = tools.get(pair[0]).countedRuns();
                byRuns.computeIfAbsent(own == null ? scanner.counted() : own, c -> new ArrayList<>()).add(pair);
            }
            for (Map.Entry<CountedRuns, List<int[]>> group : byRuns.entrySet()) {
                List<ToolPattern> patterns = new ArrayList<>();
                for (int[] pair : group.getValue()) {
                    patterns.add(ToolPattern.of(tools.get(pair[0]).path()));
                }
                List<ReferenceResult> found;
                try {
                    found = scanner.scan(root.directory(), entry.getKey(), displayNames.get(entry.getKey()), patterns, group.getKey());
                } catch (ScriptParser.Unavailable e) {
                    // Never counted without the parser: the rule stops with the platform named.
                    throw new PolicyException(displayNames.get(entry.getKey()) + ": " + e.getMessage());
                }
                for (int i = 0; i < found.size(); i++) {
                    int[] pair = group.getValue().get(i);
                    results[pair[0]][pair[1]] = found.get(i);
                }
            }
        }
        List<ToolResult> toolResults = new ArrayList<>(tools.size());
        for (int t = 0; t < tools.size(); t++) {
            ToolFile file = ToolFile.inspect(toolPaths.get(t), tools.get(t).sha256());
            toolResults.add(ToolResult.of(tools.get(t), file, List.of(results[t])));
        }
        return new StaticAnalysis(toolResults);
    }

    private static String display(String configured) {
        String d = configured.strip().replace('\\', '/');
        while (d.startsWith("./")) {
            d = d.substring(2);
        }
        return d;
    }
}
