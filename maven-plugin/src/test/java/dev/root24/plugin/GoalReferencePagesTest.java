package dev.root24.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import dev.root24.testing.ParameterTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * docs/goals/&lt;goal&gt;.md is written by hand, beside the generated reference: its parameter
 * table must name exactly the goal's configurable parameters, each with the property the
 * descriptor gives it, so a new parameter cannot ship undocumented and a removed one cannot linger.
 */
class GoalReferencePagesTest {

    private static final Path PAGES = Path.of("..", "docs", "goals");

    static Stream<String> goals() throws IOException {
        try (Stream<Path> pages = Files.list(PAGES)) {
            return pages.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList().stream();
        }
    }

    /** Parameter name to property ("" when it has none), as plugin.xml says. */
    private static Map<String, String> descriptor(String goal) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc;
        try (InputStream in = GoalReferencePagesTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            doc = factory.newDocumentBuilder().parse(in);
        }
        NodeList mojos = doc.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (!goal.equals(text(mojo, "goal"))) {
                continue;
            }
            Map<String, String> parameters = new TreeMap<>();
            Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
            NodeList list = ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
            for (int k = 0; k < list.getLength(); k++) {
                Element parameter = (Element) list.item(k);
                if (!"true".equals(text(parameter, "editable"))) {
                    continue;
                }
                String name = text(parameter, "name");
                NodeList configured = configuration == null ? null : configuration.getElementsByTagName(name);
                String expression = configured == null || configured.getLength() == 0 ? "" : configured.item(0).getTextContent();
                parameters.put(name, expression.startsWith("${") ? expression.substring(2, expression.length() - 1) : "");
            }
            return parameters;
        }
        throw new AssertionError("docs/goals/" + goal + ".md: no goal '" + goal + "' in the plugin descriptor");
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagName(child);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    private static Map<String, String> documented(String goal) throws IOException {
        return ParameterTable.rows(PAGES.resolve(goal + ".md"));
    }

    @ParameterizedTest
    @MethodSource("goals")
    void thePageDocumentsEveryParameterWithItsProperty(String goal) throws Exception {
        Map<String, String> parameters = descriptor(goal);
        assertThat(parameters).as("the %s goal's parameters", goal).isNotEmpty();
        assertThat(documented(goal)).as("docs/goals/%s.md parameter table", goal).isEqualTo(parameters);
    }
}
