package dev.root24.findings;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.root24.policy.ClasspathResource;
import dev.root24.policy.PolicyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What code scanning shows for one kind of finding: its descriptions and how to fix it. The
 * catalogue is {@code root24/sarif-rules.json}; a rule id it does not list falls back to its
 * family ({@code root24Lock/*}) and then to a generic entry, so every result has help.
 *
 * @param id the rule id, e.g. {@code root24Lock/MISSING_MODULE}
 * @param name a PascalCase name
 * @param shortDescription one sentence
 * @param fullDescription what the rule checks and why
 * @param help how to fix it, in Markdown (code spans only, so the plain text is the same words)
 * @param tags code-scanning tags
 * @param severity {@code problem.severity}: {@code error}, {@code warning} or {@code recommendation}
 * @param precision how sure a result is: {@code very-high} for exact checks of files and settings,
 *     {@code high} where a heuristic reading (of CI files, of Rego text) decides
 */
public record SarifRule(String id, String name, String shortDescription, String fullDescription, String help,
        List<String> tags, String severity, String precision) {

    private static final String RESOURCE = "root24/sarif-rules.json";
    private static Map<String, SarifRule> catalogue;

    /** The catalogue's entry for {@code ruleId}, else its family's, else the generic one, always with {@code ruleId} as id. */
    public static SarifRule of(String ruleId) {
        Map<String, SarifRule> catalogue = catalogue();
        SarifRule exact = catalogue.get(ruleId);
        if (exact != null) {
            return exact;
        }
        int slash = ruleId.indexOf('/');
        SarifRule family = slash < 0 ? null : catalogue.get(ruleId.substring(0, slash) + "/*");
        SarifRule fallback = family != null ? family : catalogue.get("*/*");
        return new SarifRule(ruleId, fallback.name(), fallback.shortDescription(), fallback.fullDescription(), fallback.help(),
                fallback.tags(), fallback.severity(), fallback.precision());
    }

    /** Whether the catalogue has an entry of its own for {@code ruleId}. */
    public static boolean catalogued(String ruleId) {
        return catalogue().containsKey(ruleId);
    }

    /** The help as plain text: the Markdown without its code-span backticks. */
    public String helpText() {
        return help.replace("`", "");
    }

    private record Catalogue(List<SarifRule> rules) {}

    /**
     * Loaded on first use, not in a static initialiser: a broken installation then fails the report
     * with an IllegalStateException the writers handle, not with an ExceptionInInitializerError.
     */
    private static synchronized Map<String, SarifRule> catalogue() {
        if (catalogue == null) {
            catalogue = load();
        }
        return catalogue;
    }

    private static Map<String, SarifRule> load() {
        try {
            byte[] bytes = ClasspathResource.readSingle(SarifRule.class.getClassLoader(), RESOURCE, 1 << 20,
                    "classpath:" + RESOURCE, "is missing from the plugin").bytes();
            return JsonMapper.builder().build().readValue(bytes, Catalogue.class).rules().stream()
                    .collect(Collectors.toUnmodifiableMap(SarifRule::id, Function.identity()));
        } catch (PolicyException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
