package dev.root24.enforcer;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Collectors;

import dev.root24.policy.RepositoryRoot;
import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.execution.MavenSession;

/**
 * The repository root the rules check, and the cache id that makes each rule run once per
 * repository however many modules inherit it.
 */
final class ReactorRoot {

    private ReactorRoot() {}

    /**
     * {@code configured} when set, else the reactor's top-level directory
     * ({@code maven.multiModuleProjectDirectory}, where {@code .mvn/} is).
     */
    static Path resolve(File configured, MavenSession session, String rule) throws EnforcerRuleError {
        File topProject = session.getTopLevelProject() == null ? null : session.getTopLevelProject().getBasedir();
        return RepositoryRoot.choose(configured, session.getRequest().getMultiModuleProjectDirectory(), topProject)
                .orElseThrow(() -> new EnforcerRuleError(rule + ": cannot tell the repository root; set <rootDirectory>"));
    }

    /** Same root, same settings: same id, so the enforcer reuses the first outcome. */
    static String cacheId(MavenSession session, File configured, Object... settings) {
        String key = String.valueOf(configured) + "\n" + session.getRequest().getMultiModuleProjectDirectory() + "\n"
                + Arrays.stream(settings).map(String::valueOf).collect(Collectors.joining("\n"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
