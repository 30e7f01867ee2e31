package dev.root24.rego;

import java.util.Locale;

import dev.root24.policy.PolicyException;

/** What the Rego v1 syntax check does with pre-1.0 forms. */
public enum V1Syntax {
    /** Not checked. */
    OFF,
    /** Reported as warnings; the build goes on. */
    WARN,
    /** Reported as violations; the build fails. */
    ERROR;

    public static V1Syntax parse(String value) throws PolicyException {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PolicyException("v1Syntax '" + value + "' is not one of off, warn, error");
        }
    }
}
