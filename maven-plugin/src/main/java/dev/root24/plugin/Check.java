package dev.root24.plugin;

import java.util.Map;

/**
 * One {@code <check>} of certify's {@code <checks>}, as Maven fills it from the POM.
 */
public final class Check {

    /** Unique name of the check in reports; {@code root24Lock} (and other built-in ids) with no command run in-process. */
    String id;

    /** The command line, split into arguments with quotes respected and run without a shell. */
    String command;

    /** How long the check may run, e.g. {@code 120s}, {@code 500ms}, {@code 2m}. Default {@code 120s}. */
    String timeout;

    /** Comma-separated exit codes that count as a pass, e.g. {@code 0,1}. Default {@code 0}. */
    String acceptExitCodes;

    /** Points the check is worth in the dynamic phase. Default 10. */
    Integer weight;

    /** Run the command through {@code bash -c} (pipes, globs, variables). Default false. */
    Boolean shell;

    /** Variables added to the inherited environment; values of secret-looking names are masked in reports. */
    Map<String, String> environment;

    public Check() {
        // Maven instantiates and fills it from the POM.
    }

    @Override
    public String toString() {
        // The environment is left out: its values may be secrets.
        return "Check[id=" + id + ", command=" + command + ", timeout=" + timeout + ", acceptExitCodes=" + acceptExitCodes
                + ", weight=" + weight + ", shell=" + shell + "]";
    }
}
