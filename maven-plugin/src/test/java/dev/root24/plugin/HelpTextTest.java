package dev.root24.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The help text ({@code mvn root24:help -Ddetail}, the goal reference) is the plugin descriptor's
 * descriptions, generated from the mojos' Javadoc: it must speak to users, not to developers.
 */
class HelpTextTest {

    private static List<String> descriptions;

    @BeforeAll
    static void readDescriptor() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document descriptor;
        try (InputStream in = HelpTextTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertThat(in).as("plugin.xml is generated before the tests run").isNotNull();
            descriptor = factory.newDocumentBuilder().parse(in);
        }
        NodeList nodes = descriptor.getElementsByTagName("description");
        descriptions = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            descriptions.add(nodes.item(i).getTextContent());
        }
    }

    @Test
    void theDescriptorHasEveryGoalsText() {
        assertThat(descriptions).hasSizeGreaterThan(30);
    }

    @Test
    void noDescriptionNamesAClassOrAPackage() {
        assertThat(descriptions).noneMatch(d -> d.contains("dev.root24"))
                .noneMatch(d -> d.matches("(?s).*\\b(Certifier|RegoMigration|ChainVerifier|This class)\\b.*"));
    }

    @Test
    void noDescriptionUsesUndefinedJargon() {
        assertThat(descriptions).noneMatch(d -> d.toLowerCase(java.util.Locale.ROOT).contains("the seed"))
                .noneMatch(d -> d.contains("seed's"));
    }

    @Test
    void expressionsSurviveTheJavadocConversion() {
        assertThat(descriptions).noneMatch(d -> d.contains("{@"))
                .noneMatch(d -> d.contains("${project.build.directory/"));
        assertThat(descriptions).anyMatch(d -> d.contains("${project.build.directory}/root24/worm"));
    }
}
