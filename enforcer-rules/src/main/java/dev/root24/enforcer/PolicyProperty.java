package dev.root24.enforcer;

import java.io.File;
import java.util.Objects;

import dev.root24.policy.PolicyException;
import dev.root24.policy.PolicyLocation;
import dev.root24.policy.SettingSource;
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
