package dev.root24.policy;

/**
 * The one place a build names its policy: the {@code root24.policy} property, which every rule
 * and {@code root24:certify} read, so that a team file that {@code extends} the organisation's
 * gives the same answer everywhere. A rule's or goal's own {@code <policy>} may repeat it but
 * never differ.
 */
public final class PolicyLocation {

    /** The property that names the policy for every rule and goal. */
    public static final String PROPERTY = "root24.policy";

    private PolicyLocation() {
    }

    /** The property's value: a user property ({@code -D}, {@code .mvn/maven.config}) wins over the POM's. */
    public static String property(String userProperty, String projectProperty) {
        return blankToNull(userProperty) != null ? userProperty.strip() : blankToNull(projectProperty);
    }

    /**
     * The policy location in force.
     *
     * @param configured the rule's or goal's own {@code <policy>}, or null
     * @param property the {@code root24.policy} property, or null
     * @param parameter how the parameter is named in the message, e.g. {@code <root24Lock><policy>}
     * @throws PolicyException when both are set and differ
     */
    public static String choose(String configured, String property, String parameter) throws PolicyException {
        String own = blankToNull(configured);
        if (own != null && property != null && !own.equals(property)) {
            throw new PolicyException(parameter + " is '" + own + "' but the " + PROPERTY + " property is '" + property
                    + "': name the policy once, as the " + PROPERTY + " property, so that every rule and root24:certify"
                    + " read the same one");
        }
        return own != null ? own : property;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
