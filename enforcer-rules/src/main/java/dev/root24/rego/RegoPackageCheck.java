package dev.root24.rego;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.root24.policy.PolicyException;
import dev.root24.policy.RepositoryRoot;

/**
 * The {@code regoPackages} check: every covered {@code .rego} file declares a package named after
 * its module and, unless {@link V1Syntax#OFF}, uses no pre-1.0 syntax.
 */
public final class RegoPackageCheck {

    private final RegoPolicy policy;

    public RegoPackageCheck(RegoPolicy policy) {
        this.policy = policy;
    }

    /**
     * Checks the repository at {@code rootDirectory}.
     *
     * @throws PolicyException if the root or a configured directory is unusable
     */
    public RegoReport check(Path rootDirectory) throws PolicyException {
        RepositoryRoot root = RepositoryRoot.of(rootDirectory);
        List<RegoFiles.Entry> files = RegoFiles.find(root, policy);
        List<RegoFinding> findings = new ArrayList<>();
        for (RegoFiles.Entry entry : files) {
            findings.addAll(checkFile(entry));
        }
        return new RegoReport(root.directory(), files.size(), findings);
    }

    /** The findings for one file; never throws on bad content. */
    public List<RegoFinding> checkFile(RegoFiles.Entry entry) {
        if (entry.symbolicLink()) {
            return List.of(new RegoFinding(entry.relative(), 0, RegoFinding.Kind.COULD_NOT_ANALYSE, true,
                    "could not analyse: symbolic link (not followed)"));
        }
        RegoSourceFile source;
        try {
            source = RegoSourceFile.read(entry.path());
        } catch (IOException e) {
            return List.of(new RegoFinding(entry.relative(), 0, RegoFinding.Kind.COULD_NOT_ANALYSE, true,
                    "could not analyse: cannot be read (" + e.getClass().getSimpleName() + ")"));
        } catch (RegoAnalysisException e) {
            return List.of(couldNotAnalyse(entry.relative(), e));
        }
        return checkSource(entry.relative(), source.text());
    }

    /** The findings for one source text. */
    public List<RegoFinding> checkSource(String relative, String text) {
        RegoAnalysis analysis;
        try {
            analysis = RegoAnalyzer.analyse(text);
        } catch (RegoAnalysisException e) {
            return List.of(couldNotAnalyse(relative, e));
        }
        List<RegoFinding> findings = new ArrayList<>();
        PackageNaming naming = policy.naming();
        Optional<String> module = naming.moduleOf(Path.of(relative));
        String expected = naming.expected(module);
        String why = module.map(m -> " (module " + m + ", from the " + source(naming) + ")").orElse(" (no module named)");
        Optional<PackageDeclaration> pkg = analysis.packageDeclaration();
        if (pkg.isEmpty()) {
            findings.add(new RegoFinding(relative, 1, RegoFinding.Kind.NO_PACKAGE, true,
                    "no package statement found, expected package " + (expected.isEmpty() ? "<any>" : expected) + why));
        } else if (!PackageNaming.conforms(pkg.get().path(), expected)) {
            findings.add(new RegoFinding(relative, pkg.get().line(), RegoFinding.Kind.PACKAGE, true,
                    "package " + pkg.get().path() + " found, expected " + expected + " or below it" + why));
        }
        if (policy.v1Syntax() != V1Syntax.OFF) {
            boolean error = policy.v1Syntax() == V1Syntax.ERROR;
            for (SyntaxFinding f : analysis.findings()) {
                findings.add(new RegoFinding(relative, f.line(), RegoFinding.Kind.V1_SYNTAX, error, f.message()));
            }
        }
        return findings;
    }

    private static String source(PackageNaming naming) {
        return naming.layerSource() == LayerSource.FILE_NAME ? "file name" : "directory";
    }

    private static RegoFinding couldNotAnalyse(String relative, RegoAnalysisException e) {
        return new RegoFinding(relative, e.line(), RegoFinding.Kind.COULD_NOT_ANALYSE, true,
                "could not analyse: " + e.reason());
    }
}
