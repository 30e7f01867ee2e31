package dev.root24.enforcer;

import java.io.File;
import java.util.Objects;

import dev.root24.policy.SettingSource;
import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * The one place a build names its policy: the {@code root24.policy} property, which every rule
 * and {@code root24:certify} read, so that a team file that {@code extends} the organisation's
 * gives the same answer everywhere. A rule's own {@code <policy>} may repeat it but never differ.
 */
public final class PolicyProperty {

    /** The property that names the policy for every rule and goal. */
    public static final String NAME = "root24.policy";

    private PolicyProperty() {
    }

    /**
     * The policy location in force: the rule's {@code configured} value or the property.
     *
     * @throws EnforcerRuleError when both are set and differ
     */
    static String resolve(String configured, MavenSession session, String rule) throws EnforcerRuleError {
        String property = property(session.getUserProperties().getProperty(NAME),
                session.getCurrentProject() == null ? null : session.getCurrentProject().getProperties().getProperty(NAME));
        try {
            return choose(blankToNull(configured), property, "<" + rule + "><policy>");
        } catch (IllegalArgumentException e) {
            throw new EnforcerRuleError(rule + ": " + e.getMessage());
        }
    }

    /** The property's value: a user property ({@code -D}, {@code .mvn/maven.config}) wins over the POM's. */
    public static String property(String userProperty, String projectProperty) {
        return blankToNull(userProperty) != null ? userProperty.strip() : blankToNull(projectProperty);
    }

    /**
     * @throws IllegalArgumentException with a one-line message when {@code configured} and the property differ
     */
    public static String choose(String configured, String property, String parameter) {
        if (configured != null && property != null && !configured.equals(property)) {
            throw new IllegalArgumentException(parameter + " is '" + configured + "' but the " + NAME + " property is '"
                    + property + "': name the policy once, as the " + NAME
                    + " property, so that every rule and root24:certify read the same one");
        }
        return configured != null ? configured : property;
    }

    /** The POM that configured a rule, as a setting source names it. */
    static SettingSource pomParameter(MavenSession session, String parameter) {
        MavenProject project = session.getCurrentProject();
        File pom = project == null ? null : project.getFile();
        String where = pom == null ? "the POM" : Objects.requireNonNullElse(project.getId(), pom.getName());
        return new SettingSource.PomParameter(parameter, where);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
