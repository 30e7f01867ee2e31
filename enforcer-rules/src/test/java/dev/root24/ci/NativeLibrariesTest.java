package dev.root24.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.treesitter.TSParser;
import org.treesitter.TreeSitterBash;
import org.treesitter.TreeSitterJavascript;
import org.treesitter.TreeSitterPython;

/**
 * A Maven build runs the analysis in two class loaders of one JVM (the enforcer plugin's for
 * {@code ciReferences}, Root24's plugin for {@code certify}); the JVM refuses to load one native
 * library file into both, which is what broke {@code certify} after the rule had run.
 */
class NativeLibrariesTest {

    @Test
    void everyGrammarLoadsInTwoClassLoadersOfOneJvm() throws Exception {
        // This loader first, as the enforcer's would.
        assertThat(ScriptLanguage.SHELL.language()).isNotNull();
        for (int n = 0; n < 2; n++) {
            try (URLClassLoader isolated = new URLClassLoader(classpath(), ClassLoader.getPlatformClassLoader())) {
                Class<?> languages = isolated.loadClass(ScriptLanguage.class.getName());
                assertThat(languages).isNotSameAs(ScriptLanguage.class);
                Method language = languages.getDeclaredMethod("language");
                language.setAccessible(true);
                for (Object constant : languages.getEnumConstants()) {
                    assertThat(language.invoke(constant)).as("%s in class loader %d", constant, n).isNotNull();
                }
            }
        }
    }

    @Test
    void theDirectoryPropertyIsRestoredAndNotTheSharedDefault() {
        String before = System.getProperty(NativeLibraries.DIRECTORY_PROPERTY);
        String seen = NativeLibraries.load(() -> System.getProperty(NativeLibraries.DIRECTORY_PROPERTY));
        assertThat(System.getProperty(NativeLibraries.DIRECTORY_PROPERTY)).isEqualTo(before);
        assertThat(Path.of(seen)).isNotEqualTo(Path.of(System.getProperty("user.home"), ".tree-sitter"));
        assertThat(Path.of(seen).getFileName().toString()).startsWith("root24-tree-sitter-");
    }

    private static URL[] classpath() throws Exception {
        List<Class<?>> roots = List.of(ScriptLanguage.class, TSParser.class, TreeSitterBash.class, TreeSitterPython.class,
                TreeSitterJavascript.class);
        URL[] urls = new URL[roots.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = roots.get(i).getProtectionDomain().getCodeSource().getLocation();
        }
        return urls;
    }
}
