package dev.root24.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a team could put on the plugin's classpath in place of the organisation's file. */
class ClasspathResourceTest {

    @TempDir
    Path jarA;

    @TempDir
    Path jarB;

    private static URLClassLoader loader(Path... roots) throws Exception {
        URL[] urls = new URL[roots.length];
        for (int i = 0; i < roots.length; i++) {
            urls[i] = roots[i].toUri().toURL();
        }
        return new URLClassLoader(urls, null);
    }

    @Test
    void found_once_it_is_read() throws Exception {
        Files.writeString(jarA.resolve("policy.yaml"), "version: 1\n");
        try (URLClassLoader loader = loader(jarA)) {
            assertThat(new String(ClasspathResource.readSingle(loader, "policy.yaml", 1024, "classpath:policy.yaml:", "missing")
                    .bytes())).isEqualTo("version: 1\n");
        }
    }

    @Test
    void a_shadowing_copy_in_a_second_jar_is_refused() throws Exception {
        Files.writeString(jarA.resolve("policy.yaml"), "version: 1\n");
        Files.writeString(jarB.resolve("policy.yaml"), "version: 1\nlocked: []\n");
        try (URLClassLoader loader = loader(jarB, jarA)) {
            assertThatThrownBy(() -> ClasspathResource.readSingle(loader, "policy.yaml", 1024, "classpath:policy.yaml:", "missing"))
                    .hasMessage("classpath:policy.yaml: is in 2 places on the plugin's classpath;"
                            + " refusing to guess which one is the organisation's");
        }
    }

    @Test
    void a_huge_resource_is_refused_after_one_byte_past_the_bound() throws Exception {
        Files.write(jarA.resolve("key.pem"), new byte[4096]);
        try (URLClassLoader loader = loader(jarA)) {
            assertThatThrownBy(() -> ClasspathResource.readSingle(loader, "key.pem", 1024, "worm.trustedKeys[0]: classpath:key.pem",
                    "missing")).hasMessage("worm.trustedKeys[0]: classpath:key.pem is larger than the limit of 1024 bytes");
        }
    }

    @Test
    void a_missing_resource_says_how_to_provide_it() throws Exception {
        try (URLClassLoader loader = loader(jarA)) {
            assertThatThrownBy(() -> ClasspathResource.readSingle(loader, "none.yaml", 1024, "classpath:none.yaml:",
                    "not found on the plugin's classpath")).hasMessage("classpath:none.yaml: not found on the plugin's classpath");
        }
    }
}
