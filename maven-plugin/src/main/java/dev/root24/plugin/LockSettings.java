package dev.root24.plugin;

import java.util.List;

/**
 * certify's {@code <root24Lock>}: the settings of the built-in {@code root24Lock} check, with the
 * same names and meaning as the {@code root24Lock} enforcer rule's parameters.
 */
public final class LockSettings {

    /** The exact set of locked module directories. Default: the 24 ROOT-24 modules. */
    List<String> expectedModules;

    /** A directory matching this regular expression that is not locked is reported. Default <code>^[0-9]{2}_.+$</code>. */
    String modulePattern;

    /** Regular files allowed at the root, besides the Maven allow-list. */
    List<String> allowedFiles;

    /** Directories allowed at the root, besides the Maven allow-list. */
    List<String> allowedDirectories;

    /** Whether the Maven allow-list applies. Default true. */
    Boolean mavenDefaults;

    /** Globs of root entries never allowed; replaces the default archive patterns and {@code .coverage}. */
    List<String> forbiddenPatterns;

    /** Entries every locked module must contain; a trailing {@code /} means a directory. */
    List<String> requiredModuleEntries;

    /** Globs of root entries the check does not look at. */
    List<String> ignore;

    /** A repository-relative {@code root_level_exceptions.yaml} in the SSID report's layout whose lists extend the allow-lists. */
    String exceptionsFile;

    /** A repository-relative {@code structure_policy.yaml} in the SSID report's layout giving the modules and the pattern. */
    String structurePolicyFile;

    public LockSettings() {
        // Maven instantiates and fills it from the POM.
    }

    @Override
    public String toString() {
        return "LockSettings[expectedModules=" + expectedModules + ", modulePattern=" + modulePattern + ", allowedFiles="
                + allowedFiles + ", allowedDirectories=" + allowedDirectories + ", mavenDefaults=" + mavenDefaults
                + ", forbiddenPatterns=" + forbiddenPatterns + ", requiredModuleEntries=" + requiredModuleEntries
                + ", ignore=" + ignore + ", exceptionsFile=" + exceptionsFile + ", structurePolicyFile="
                + structurePolicyFile + "]";
    }
}
