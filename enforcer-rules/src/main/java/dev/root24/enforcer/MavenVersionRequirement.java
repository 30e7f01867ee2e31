package dev.root24.enforcer;

import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.rtinfo.RuntimeInformation;

/** The oldest Maven the rules run on, checked at run time since a rule jar cannot declare it in its POM. */
final class MavenVersionRequirement {

    static final String MINIMUM = "3.9.6";

    private MavenVersionRequirement() {}

    static void check(RuntimeInformation runtime, String ruleName) throws EnforcerRuleError {
        if (!runtime.isMavenVersion("[" + MINIMUM + ",)")) {
            throw new EnforcerRuleError(ruleName + " needs Maven " + MINIMUM + " or newer; this is Maven "
                    + runtime.getMavenVersion());
        }
    }
}
