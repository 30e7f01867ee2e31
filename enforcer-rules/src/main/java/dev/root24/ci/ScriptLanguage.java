package dev.root24.ci;

import java.util.Locale;
import java.util.function.Supplier;

import org.treesitter.TSLanguage;
import org.treesitter.TreeSitterBash;
import org.treesitter.TreeSitterJavascript;
import org.treesitter.TreeSitterPython;

/**
 * A language whose scripts are read with a real parser (tree-sitter), not a line lexer. Each
 * grammar's native library is loaded the first time a script in that language is analysed, never
 * before: a repository whose CI files mention no tool in a script loads none.
 */
enum ScriptLanguage {
    SHELL("bash"),
    PYTHON("python"),
    JAVASCRIPT("javascript");

    private final String grammar;

    ScriptLanguage(String grammar) {
        this.grammar = grammar;
    }

    String grammar() {
        return grammar;
    }

    /** The language of a referencing file read as text, or null when no grammar covers it. */
    static ScriptLanguage forFile(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.equals("makefile") || name.equals("gnumakefile") || name.startsWith("dockerfile") || name.startsWith("jenkinsfile")) {
            return null;
        }
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return SHELL; // an extensionless script (ci/run, hooks): a shell script by convention
        }
        return switch (name.substring(dot + 1)) {
            case "sh", "bash", "zsh", "ksh", "ash", "dash" -> SHELL;
            case "py", "pyw", "pyi" -> PYTHON;
            case "js", "mjs", "cjs", "jsx" -> JAVASCRIPT;
            default -> null;
        };
    }

    /** The loaded grammar; throws {@link ScriptParser.Unavailable} when its native library cannot be loaded here. */
    TSLanguage language() {
        return switch (this) {
            case SHELL -> Bash.LANGUAGE.get();
            case PYTHON -> Python.LANGUAGE.get();
            case JAVASCRIPT -> Javascript.LANGUAGE.get();
        };
    }

    /** Holders: a class is initialised (and its native loaded) only when its language is first used. */
    private static final class Bash {
        static final Loaded LANGUAGE = Loaded.of("bash", TreeSitterBash::new);
    }

    private static final class Python {
        static final Loaded LANGUAGE = Loaded.of("python", TreeSitterPython::new);
    }

    private static final class Javascript {
        static final Loaded LANGUAGE = Loaded.of("javascript", TreeSitterJavascript::new);
    }

    /** A grammar, or why it could not be loaded (kept, so every later script gets the same one-line message). */
    record Loaded(TSLanguage language, String problem) {
        static Loaded of(String grammar, Supplier<TSLanguage> load) {
            try {
                return new Loaded(NativeLibraries.load(load), null);
            } catch (LinkageError | RuntimeException e) {
                return new Loaded(null, "the tree-sitter " + grammar + " parser cannot be loaded on this platform ("
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ": " + e.getClass().getSimpleName()
                        + "); CI scripts cannot be analysed, so no reference is counted");
            }
        }

        TSLanguage get() {
            if (language == null) {
                throw new ScriptParser.Unavailable(problem);
            }
            return language;
        }
    }
}
