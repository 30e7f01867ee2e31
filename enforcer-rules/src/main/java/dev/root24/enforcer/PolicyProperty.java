package dev.root24.enforcer;

import java.io.File;
import java.util.Objects;

import dev.root24.policy.EffectivePolicy;
import dev.root24.policy.InlineSettings;
import dev.root24.policy.PolicyException;
import dev.root24.policy.PolicyLoader;
import dev.root24.policy.RepositoryRoot;
import dev.root24.policy.PolicyLocation;
import dev.root24.policy.SettingSource;
import org.apache.maven.enforcer.rule.api.EnforcerLogger;
import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/** Reads {@link PolicyLocation} from a Maven session for the rules, and names the POM a rule's settings came from. */
final class PolicyProperty {

    private PolicyProperty() {
    }

    /**
     * The policy location in force: the rule's {@code configured} value or the {@code root24.policy} property.
     *
     * @throws EnforcerRuleError when both are set and differ
     */
    static String resolve(String configured, MavenSession session, String rule) throws EnforcerRuleError {
        try {
            return PolicyLocation.choose(configured, property(session), "<" + rule + "><policy>");
        } catch (PolicyException e) {
            throw new EnforcerRuleError(rule + ": " + e.getMessage());
        }
    }

    /**
     * The effective policy a rule runs with: the policy in force ({@link #resolve}) with the
     * rule's inline settings on top, shown at debug level, each override logged with its source.
     */
    static EffectivePolicy load(RepositoryRoot root, String configured, MavenSession session, String rule,
            InlineSettings inline, EnforcerLogger log) throws PolicyException, EnforcerRuleError {
        EffectivePolicy effective = new PolicyLoader(root, PolicyProperty.class.getClassLoader())
                .load(resolve(configured, session, rule), inline);
        if (log != null && log.isDebugEnabled()) {
            log.debug(rule + " effective policy (sha256 " + effective.sha256() + ", from "
                    + (effective.sources().isEmpty() ? "inline configuration" : String.join(" <- ", effective.sources()))
                    + "):" + System.lineSeparator() + effective.json());
        }
        if (log != null) {
            effective.overrides().forEach(o -> log.info(rule + ": " + o.key() + " = " + o.effectiveValue()
                    + " (policy: " + o.policyValue() + ") set by " + o.source().display()));
        }
        return effective;
    }

    /** The {@code root24.policy} property as this session and module see it, or null. */
    static String property(MavenSession session) {
        return PolicyLocation.property(session.getUserProperties().getProperty(PolicyLocation.PROPERTY),
                session.getCurrentProject() == null ? null
                        : session.getCurrentProject().getProperties().getProperty(PolicyLocation.PROPERTY));
    }

    /** The POM that configured a rule, as a setting source names it. */
    static SettingSource pomParameter(MavenSession session, String parameter) {
        MavenProject project = session.getCurrentProject();
        File pom = project == null ? null : project.getFile();
        String where = pom == null ? "the POM" : Objects.requireNonNullElse(project.getId(), pom.getName());
        return new SettingSource.PomParameter(parameter, where);
    }
}
