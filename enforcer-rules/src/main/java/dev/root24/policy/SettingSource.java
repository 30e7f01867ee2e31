package dev.root24.policy;

/**
 * Where one effective setting came from. Every key of an effective policy carries one, so that a
 * report, a lock violation and a verifier can say who set what: the organisation's policy
 * artifact, a file of the repository, the POM, or a user property ({@code -D}, which includes
 * {@code .mvn/maven.config}: both are in the repository's hands).
 */
public sealed interface SettingSource {

    /** How the source is named in messages and reports, e.g. {@code classpath:root24/acme-policy.yaml:14}. */
    String display();

    /**
     * Whether the organisation decided the value: only a policy file inside the artifact that
     * holds the base of the {@code extends} chain. Anything the repository can edit is not.
     */
    boolean organisation();

    /**
     * A line of a policy file.
     *
     * @param file {@code classpath:...} or a repository-relative path
     * @param line 1-based line, 0 when unknown
     * @param artifact {@code groupId:artifactId:version} of the jar holding a classpath file, or null
     * @param organisation whether the file lies in the organisation's policy artifact
     */
    record PolicyFile(String file, int line, String artifact, boolean organisation) implements SettingSource {
        @Override
        public String display() {
            String where = line > 0 ? file + ":" + line : file;
            return artifact == null ? where : where + " (" + artifact + ")";
        }
    }

    /**
     * A parameter in the POM's plugin or rule configuration.
     *
     * @param parameter the parameter as written in the POM, e.g. {@code <staticWeight>}
     * @param location the POM and line when Maven tracked it (e.g. {@code pom.xml:42}), else the POM's name
     */
    record PomParameter(String parameter, String location) implements SettingSource {
        @Override
        public String display() {
            return location + " " + parameter;
        }

        @Override
        public boolean organisation() {
            return false;
        }
    }

    /**
     * A user property: {@code -Dname=value} on the command line or in {@code .mvn/maven.config}.
     *
     * @param property the property's name
     */
    record UserProperty(String property) implements SettingSource {
        @Override
        public String display() {
            return "-D" + property + " (command line or .mvn/maven.config)";
        }

        @Override
        public boolean organisation() {
            return false;
        }
    }
}
