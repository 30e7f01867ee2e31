package dev.root24.org;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import dev.root24.policy.PolicyException;
import dev.root24.worm.RegularFile;

/** The projects an organisation report covers, from the command line or a file of them, deduplicated and sorted. */
public final class ProjectList {

    /** An organisation of tens of thousands of repositories is beyond one static page. */
    public static final int MAX_PROJECTS = 20_000;
    private static final long MAX_FILE_BYTES = 4L << 20;

    private ProjectList() {
    }

    /**
     * {@code given} (each may hold several, comma- or whitespace-separated) plus the lines of
     * {@code file} ({@code #} starts a comment); {@code where} names the source in messages.
     *
     * @throws PolicyException naming the file and line of an entry that is not groupId:artifactId
     */
    public static List<ProjectCoordinates> of(List<String> given, Path file) throws PolicyException {
        TreeSet<ProjectCoordinates> projects = new TreeSet<>();
        int n = 0;
        for (String item : given) {
            for (String one : item.split("[,\\s]+")) {
                n++;
                if (!one.isBlank()) {
                    projects.add(parse(one, "root24.projects item " + n));
                }
            }
        }
        if (file != null) {
            String text;
            try {
                text = new String(RegularFile.read(file, MAX_FILE_BYTES), StandardCharsets.UTF_8);
            } catch (RegularFile.Refused e) {
                throw new PolicyException(file + ": " + e.getMessage());
            } catch (IOException e) {
                throw new PolicyException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            }
            String[] lines = text.split("\\R", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].replaceFirst("#.*", "").strip();
                if (!line.isEmpty()) {
                    projects.add(parse(line, file + ":" + (i + 1)));
                }
            }
        }
        if (projects.size() > MAX_PROJECTS) {
            throw new PolicyException(projects.size() + " projects given, more than " + MAX_PROJECTS);
        }
        return new ArrayList<>(projects);
    }

    private static ProjectCoordinates parse(String text, String where) throws PolicyException {
        try {
            return ProjectCoordinates.parse(text);
        } catch (IllegalArgumentException e) {
            // Not quoted: a file of names may be anything, including a secret pasted by mistake.
            throw new PolicyException(where + ": not groupId:artifactId");
        }
    }
}
