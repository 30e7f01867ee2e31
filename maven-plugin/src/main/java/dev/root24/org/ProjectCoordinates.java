package dev.root24.org;

import java.util.regex.Pattern;

/**
 * A project of the organisation, {@code groupId:artifactId}.
 *
 * @param groupId the groupId
 * @param artifactId the artifactId
 */
public record ProjectCoordinates(String groupId, String artifactId) implements Comparable<ProjectCoordinates> {

    /** What Maven accepts in a groupId or artifactId; anything else (a slash, "..") would become a path. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,199}");

    public ProjectCoordinates {
        if (!isId(groupId) || !isId(artifactId)) {
            throw new IllegalArgumentException("not groupId:artifactId");
        }
    }

    /** Whether {@code text} may be a groupId or artifactId. */
    public static boolean isId(String text) {
        return text != null && ID.matcher(text).matches() && !text.contains("..");
    }

    /**
     * @throws IllegalArgumentException with a message that does not quote {@code text}
     */
    public static ProjectCoordinates parse(String text) {
        String[] parts = text.strip().split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("not groupId:artifactId");
        }
        return new ProjectCoordinates(parts[0], parts[1]);
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId;
    }

    @Override
    public int compareTo(ProjectCoordinates o) {
        return toString().compareTo(o.toString());
    }
}
