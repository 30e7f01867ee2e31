package dev.root24.enforcer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import dev.root24.testing.ParameterTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The enforcer has no generated reference for rules, so docs/rules/&lt;rule&gt;.md is written by
 * hand: this keeps its parameter table and the rule's configurable fields the same set, so a new
 * parameter cannot ship undocumented and a removed one cannot linger in the docs.
 */
class RuleReferencePagesTest {

    /** The enforcer's own settings, inherited by every rule and documented on each page. */
    private static final Set<String> ENFORCER_SETTINGS = Set.of("level");


    static Stream<Arguments> rules() {
        return Stream.of(Arguments.of("root24Lock", Root24LockRule.class),
                Arguments.of("ciReferences", CiReferencesRule.class),
                Arguments.of("regoPackages", RegoPackagesRule.class));
    }

    /** What Maven can configure on the rule: its own private instance fields that are not injected. */
    private static Set<String> parameters(Class<?> rule) {
        Set<String> names = new TreeSet<>();
        for (Field field : rule.getDeclaredFields()) {
            int m = field.getModifiers();
            if (Modifier.isPrivate(m) && !Modifier.isStatic(m) && !Modifier.isFinal(m) && !field.isSynthetic()) {
                names.add(field.getName());
            }
        }
        return names;
    }

    /** The first column of the table under the "| parameter |" header. */
    private static Set<String> documented(String rule) throws IOException {
        Set<String> names = new TreeSet<>(ParameterTable.rows(Path.of("..", "docs", "rules", rule + ".md")).keySet());
        assertThat(names).as("docs/rules/%s.md has a '| parameter |' table", rule).isNotEmpty();
        return names;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void everyParameterIsDocumentedAndEveryDocumentedParameterExists(String rule, Class<?> type) throws IOException {
        Set<String> inDocs = documented(rule);
        Set<String> inCode = parameters(type);
        assertThat(inCode).as("rule parameters missing from docs/rules/%s.md", rule).isSubsetOf(inDocs);
        Set<String> stale = new TreeSet<>(inDocs);
        stale.removeAll(inCode);
        stale.removeAll(ENFORCER_SETTINGS);
        assertThat(stale).as("docs/rules/%s.md documents parameters the rule does not have", rule).isEmpty();
    }
}
