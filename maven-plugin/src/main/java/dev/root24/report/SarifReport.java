package dev.root24.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.root24.exec.BuiltInChecks;
import dev.root24.exec.CheckResult;
import dev.root24.exec.CheckStatus;
import dev.root24.findings.DeclarationLines;
import dev.root24.findings.Declarations;
import dev.root24.findings.Finding;
import dev.root24.findings.Place;
import dev.root24.findings.RuleFindings;
import dev.root24.findings.SarifLog;
import dev.root24.structure.ViolationKind;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code report.sarif}: the certification in the one SARIF shape of all Root24 reports
 * ({@link SarifLog}), category {@code root24-certify/}. The static phase reports as the
 * {@code ciReferences} rule does, the in-process lock check as {@code root24Lock} does (same rule
 * ids, so an alert is the same whichever reported it), a failed command at its POM declaration,
 * and the audit what the repository can act on.
 */
public final class SarifReport {

    /** The category of certify's run; the rules' runs are {@code root24-enforcer/<rule>/}. */
    public static final String CATEGORY = "root24-certify/";

    /**
     * What the audit lacks because of the organisation's set-up, not the repository's: reported
     * in report.md and report.json, but no code-scanning result, which would stand on every
     * repository of the organisation (even a GOLD one) with nothing for it to fix.
     */
    private static final Set<String> ORGANISATION_SETUP = Set.of("UNTRUSTED", "NO_EVIDENCE");

    /** Audit findings that describe missing proof rather than a broken one: notes, not errors. */
    private static final Set<String> NOTES = Set.of("UNTRUSTED_KEY", "UNSIGNED", "EMPTY_CHAIN");

    private final JsonMapper mapper;

    public SarifReport(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** With only the POM known as the place of declarations: results on no file of their own point at the plugin. */
    public String render(Certification c) {
        return render(c, Declarations.pomOnly(pluginDeclaration(Path.of(c.root()), c.pomFile())));
    }

    /**
     * The POM line that declares this plugin ({@code <artifactId>root24-maven-plugin</artifactId>}),
     * else its {@code <parent>} (the plugin is inherited), else the POM as a whole.
     */
    public static Place pluginDeclaration(Path root, String pomFile) {
        Path pom = root.resolve(pomFile);
        int line = DeclarationLines.containing(pom, "<artifactId>root24-maven-plugin</artifactId>");
        return new Place(pomFile, line > 0 ? line : DeclarationLines.element(pom, "parent"));
    }

    /** @param declarations where the policy's settings are declared, for results on missing files or directories */
    public String render(Certification c, Declarations declarations) {
        List<Finding> findings = new ArrayList<>();
        if (c.staticAnalysis() != null) {
            findings.addAll(RuleFindings.of(c.staticAnalysis(), !c.passesGate(), declarations));
        }
        boolean chainReported = false;
        for (CheckResult r : c.checks()) {
            if (r.passed() || r.status() == CheckStatus.NOT_MEASURED) {
                continue;
            }
            int pomLine = c.pomLines().getOrDefault(r.id(), 0);
            Place declared = pomLine > 0 ? new Place(c.pomFile(), pomLine) : declarations.of("checks[" + r.id() + "]", "checks");
            if (!r.check().isBuiltIn()) {
                findings.add(new Finding("certify/CHECK_FAILED", Finding.Level.ERROR, null, 0,
                        "check " + r.id() + " (" + r.shownCommand() + ") " + describe(r), "", declared));
                continue;
            }
            chainReported |= r.id().equals(BuiltInChecks.WORM_CHAIN) && !r.findings().isEmpty();
            if (r.findings().isEmpty()) {
                findings.add(new Finding(r.id() + "/FAILED", Finding.Level.ERROR, null, 0, "check " + r.id() + " " + describe(r),
                        "", declared));
            }
            for (dev.root24.exec.Finding f : r.findings()) {
                findings.add(builtIn(r.id(), f, declared, declarations));
            }
        }
        for (dev.root24.exec.Finding f : c.audit().findings()) {
            // The chain's problems are the wormChain check's results already; one alert each, not two.
            if (ORGANISATION_SETUP.contains(f.kind()) || chainReported && f.kind().startsWith("WORM_")) {
                continue;
            }
            Finding.Level level = NOTES.contains(f.kind()) ? Finding.Level.NOTE
                    : f.kind().equals("WORM_WARN") ? Finding.Level.WARNING : Finding.Level.ERROR;
            findings.add(new Finding("auditProof/" + f.kind(), level, f.file(), f.line(), f.message(), "",
                    declarations.of(auditKey(f.kind()), "worm")));
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("overall", c.scorecard().overall());
        properties.put("tier", c.scorecard().tier().name());
        properties.put("verdict", c.scorecard().verdict());
        return new SarifLog(c.toolVersion(), CATEGORY, Path.of(c.root()), declarations.fallback(), findings, properties)
                .render(mapper);
    }

    /** The policy key an audit finding is about, where a repository policy file may declare it. */
    private static String auditKey(String kind) {
        return switch (kind) {
            case "MISSING_EVIDENCE" -> "worm.evidence";
            case "UNTRUSTED_KEY", "UNSIGNED" -> "worm.trustedKeys";
            default -> "worm.store";
        };
    }

    /** A built-in check's finding; the lock's under the {@code root24Lock} rule's own ids. */
    private static Finding builtIn(String check, dev.root24.exec.Finding f, Place declared, Declarations declarations) {
        if (check.equals(BuiltInChecks.ROOT24_LOCK)) {
            for (ViolationKind kind : ViolationKind.values()) {
                if (kind.name().equals(f.kind())) {
                    return RuleFindings.lock(kind, f.file(), f.message(), "", declarations);
                }
            }
        }
        Finding.Level level = f.kind().endsWith("_WARN") ? Finding.Level.WARNING : Finding.Level.ERROR;
        return new Finding(check + "/" + f.kind(), level, f.file(), f.line(), f.message(), "", declared);
    }

    private static String describe(CheckResult r) {
        String status = r.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return status + ", exit " + r.exitCode() + (r.hint() == null ? "" : ": " + r.hint());
    }
}
