package dev.root24.rego;

import java.util.List;
import java.util.Optional;

/**
 * What the lexical analysis saw in one source.
 *
 * @param packageDeclaration the package statement, if there is one
 * @param findings pre-1.0 forms, in source order
 * @param v1Edits the edits that turn those forms into their v1 equivalents
 */
public record RegoAnalysis(Optional<PackageDeclaration> packageDeclaration, List<SyntaxFinding> findings,
        List<TextEdit> v1Edits) {

    public RegoAnalysis {
        findings = List.copyOf(findings);
        v1Edits = List.copyOf(v1Edits);
    }
}
