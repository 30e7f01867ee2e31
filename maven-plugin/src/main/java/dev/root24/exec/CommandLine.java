package dev.root24.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a configured command into arguments the way a POSIX shell would for plain words and
 * quotes, and nothing more: no variables, globs, pipes or redirections, because the command is
 * started without a shell. {@code 'single quotes'} keep everything literally; inside
 * {@code "double quotes"} a backslash escapes {@code "}, {@code \} and {@code $}; outside quotes a
 * backslash escapes the next character.
 */
public final class CommandLine {

    private CommandLine() {}

    /**
     * @throws IllegalArgumentException on an unterminated quote, a trailing backslash or an empty command
     */
    public static List<String> split(String command) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = command.length();
        while (i < n) {
            char c = command.charAt(i);
            if (c == '\'') {
                int end = command.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated single quote at column " + (i + 1));
                }
                current.append(command, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i = doubleQuoted(command, i, current);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    throw new IllegalArgumentException("trailing backslash");
                }
                current.append(command.charAt(i + 1));
                inWord = true;
                i += 2;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    args.add(current.toString());
                    current.setLength(0);
                    inWord = false;
                }
                i++;
            } else {
                current.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            args.add(current.toString());
        }
        if (args.isEmpty()) {
            throw new IllegalArgumentException("the command is empty");
        }
        return List.copyOf(args);
    }

    private static int doubleQuoted(String command, int start, StringBuilder into) {
        int i = start + 1;
        while (i < command.length()) {
            char c = command.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < command.length() && "\"\\$`".indexOf(command.charAt(i + 1)) >= 0) {
                into.append(command.charAt(i + 1));
                i += 2;
            } else {
                into.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated double quote at column " + (start + 1));
    }
}
