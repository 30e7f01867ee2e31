package dev.root24;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * What a legal review and a public repository look for before anyone may adopt or publish the
 * project: the licence text itself, and the parent POM's licence, URL, SCM, developers and issue
 * tracker, which every module inherits.
 */
class ReleaseMetadataTest {

    private static final Path TOP = Path.of("..");
    private static Document parent;
    private static XPath xpath;

    @BeforeAll
    static void readParent() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        parent = factory.newDocumentBuilder().parse(TOP.resolve("pom.xml").toFile());
        xpath = XPathFactory.newInstance().newXPath();
    }

    private static String at(String path) throws Exception {
        return xpath.evaluate(path, parent).strip();
    }

    @Test
    void theLicenceFileIsTheFullApacheLicence() throws Exception {
        String text = Files.readString(TOP.resolve("LICENSE"));
        assertThat(text.strip()).startsWith("Apache License").contains("Version 2.0, January 2004")
                .contains("END OF TERMS AND CONDITIONS").contains("APPENDIX: How to apply the Apache License");
        assertThat(text.lines().count()).isGreaterThan(190);
    }

    @Test
    void theParentPomDeclaresTheLicence() throws Exception {
        assertThat(at("/project/licenses/license/name")).isEqualTo("Apache-2.0");
        assertThat(at("/project/licenses/license/url")).isEqualTo("https://www.apache.org/licenses/LICENSE-2.0.txt");
    }

    @Test
    void theParentPomSaysWhereTheProjectLives() throws Exception {
        assertThat(at("/project/url")).isNotEmpty();
        assertThat(at("/project/scm/connection")).startsWith("scm:git:");
        assertThat(at("/project/scm/url")).isNotEmpty();
        assertThat(at("/project/issueManagement/url")).isNotEmpty();
        // Children would otherwise append their artifactId to each URL.
        assertThat(at("/project/@child.project.url.inherit.append.path")).isEqualTo("false");
    }

    @Test
    void theDevelopersAreTheProjectNotInventedPeople() throws Exception {
        assertThat(at("count(/project/developers/developer)")).isEqualTo("1");
        assertThat(at("/project/developers/developer/name")).contains("Root24 Lock");
        assertThat(at("/project/developers/developer/email")).isEmpty();
    }

    @Test
    void aReleaseProfileAttachesSourcesAndJavadoc() throws Exception {
        String release = "/project/profiles/profile[id='release']/build/plugins/plugin";
        assertThat(at(release + "[artifactId='maven-source-plugin']/executions/execution/goals/goal")).isEqualTo("jar-no-fork");
        assertThat(at(release + "[artifactId='maven-javadoc-plugin']/executions/execution/goals/goal")).isEqualTo("jar");
    }
}
