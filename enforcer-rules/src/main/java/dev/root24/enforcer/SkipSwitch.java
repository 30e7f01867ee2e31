package dev.root24.enforcer;

import java.util.Properties;

/**
 * {@code -Droot24.skip}: one switch that turns off everything Root24 does in a build, the rules
 * as well as the goals. The goals read it through their {@code skip} parameter; the rules have no
 * parameter of that name in the enforcer's model, so they read the session's properties here.
 */
final class SkipSwitch {

    static final String PROPERTY = "root24.skip";

    private SkipSwitch() {}

    /**
     * Whether {@value #PROPERTY} is on: set without a value ({@code -Droot24.skip}) or to
     * {@code true}, in the user properties (the command line) or else the system properties
     * ({@code MAVEN_OPTS}). {@code -Droot24.skip=false} on the command line wins over a system
     * property, as it does for the goals.
     */
    static boolean on(Properties user, Properties system) {
        String value = user == null ? null : user.getProperty(PROPERTY);
        if (value == null && system != null) {
            value = system.getProperty(PROPERTY);
        }
        return value != null && (value.isBlank() || Boolean.parseBoolean(value.strip()));
    }

    /** The one line a skipped rule logs, so a skipped build never looks like a checked one. */
    static String message(String rule) {
        return rule + " skipped (" + PROPERTY + ")";
    }
}
