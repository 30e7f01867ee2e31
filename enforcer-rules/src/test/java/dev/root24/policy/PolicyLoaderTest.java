package dev.root24.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {

    @TempDir
    Path dir;

    private PolicyLoader loader;

    @BeforeEach
    void setUp() throws PolicyException {
        loader = new PolicyLoader(RepositoryRoot.of(dir), getClass().getClassLoader());
    }

    private void write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
    }

    private EffectivePolicy load(String location) throws PolicyException {
        return loader.load(location, Map.of());
    }

    @Test
    void fullPolicyLoadsIntoTheModel() throws Exception {
        write("root24-policy.yaml", """
                version: 1
                structure:
                  expectedModules: [core, api]
                  modulePattern: '^[a-z]+$'
                  mavenDefaults: false
                  requiredModuleEntries: [module.yaml, docs/]
                ci:
                  preset: ssid
                  minScore: 60
                  tools:
                    - id: guard
                      path: tools/guard.sh
                      referencedBy: [.github/workflows/ci.yml]
                      maxScore: 20
                checks:
                  - id: guard
                    command: bash tools/guard.sh
                    timeout: 120s
                    acceptExitCodes: [0, 2]
                    environment: {MODE: ci}
                scoring:
                  weights: {static: 30, dynamic: 50, audit: 20}
                  tiers: {platinum: 90, gold: 80, silver: 60, bronze: 40}
                failBelow: GOLD
                worm:
                  store: .root24/worm
                  signatureAlgorithms: [ML-DSA-44, Ed25519]
                rego:
                  prefix: acme
                  layerFrom: directory
                  v1Syntax: warn
                """);

        PolicyDocument doc = load("root24-policy.yaml").document();

        assertThat(doc.structure().expectedModules()).containsExactly("core", "api");
        assertThat(doc.structure().mavenDefaults()).isFalse();
        assertThat(doc.ci().tools()).singleElement().satisfies(t -> assertThat(t.maxScore()).isEqualTo(20));
        assertThat(doc.checks()).singleElement().satisfies(c -> {
            assertThat(c.acceptExitCodes()).containsExactly(0, 2);
            assertThat(c.environment()).containsEntry("MODE", "ci");
        });
        assertThat(doc.scoring().weights().staticPhase()).isEqualTo(30);
        assertThat(doc.scoring().tiers().gold()).isEqualTo(80);
        assertThat(doc.failBelow()).isEqualTo("GOLD");
        assertThat(doc.worm().signatureAlgorithms()).containsExactly("ML-DSA-44", "Ed25519");
        assertThat(doc.rego().layerFrom()).isEqualTo("directory");
    }

    @Test
    void outOfRangeValueNamesFileLineAndKey() throws Exception {
        write("root24-policy.yaml", "version: 1\nscoring:\n  weights:\n    static: 140\n");

        assertThatThrownBy(() -> load("root24-policy.yaml"))
                .isInstanceOf(PolicyException.class)
                .hasMessage("root24-policy.yaml:4: scoring.weights.static must be an integer 0..100");
    }

    @Test
    void unknownKeyGetsADidYouMean() throws Exception {
        write("root24-policy.yaml", "version: 1\nscoring:\n  wieghts: {static: 35}\n");

        assertThatThrownBy(() -> load("root24-policy.yaml"))
                .hasMessage("root24-policy.yaml:3: unknown key 'scoring.wieghts' (did you mean 'weights'?)");
    }

    @Test
    void unknownKeyFarFromAnyKnownOneGetsNoGuess() throws Exception {
        write("root24-policy.yaml", "version: 1\ncolour: blue\n");

        assertThatThrownBy(() -> load("root24-policy.yaml")).hasMessage("root24-policy.yaml:2: unknown key 'colour'");
    }

    @Test
    void everySchemaErrorIsReportedAtOnce() throws Exception {
        write("p.yaml", """
                version: 1
                failBelow: GOLDEN
                checks:
                  - id: a
                    timeout: soon
                    shell: maybe
                structure:
                  requiredModuleEntries: module.yaml
                """);

        assertThatThrownBy(() -> load("p.yaml")).hasMessage("4 problems in p.yaml: "
                + "p.yaml:2: failBelow must be one of PLATINUM, GOLD, SILVER, BRONZE, NONE (did you mean 'GOLD'?); "
                + "p.yaml:5: checks[0].timeout must be " + TimeoutFormat.ACCEPTED + "; "
                + "p.yaml:6: checks[0].shell must be true or false; "
                + "p.yaml:8: structure.requiredModuleEntries must be a list");
        // placed at the first problem, for the SARIF a failing rule writes
        assertThatThrownBy(() -> load("p.yaml")).isInstanceOfSatisfying(PolicyException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.file()).isEqualTo("p.yaml");
            org.assertj.core.api.Assertions.assertThat(e.line()).isEqualTo(2);
        });
    }

    @Test
    void remainingSchemaErrorKindsAreWorded() throws Exception {
        write("p.yaml", """
                version: 2
                structure:
                  exceptionsFile: ''
                  expectedModules: [a, a]
                ci:
                  tools:
                    - path: x.sh
                worm:
                  signatureAlgorithms: [RSA]
                """);

        assertThatThrownBy(() -> load("p.yaml")).hasMessage("5 problems in p.yaml: "
                + "p.yaml:1: version must be 1; "
                + "p.yaml:3: structure.exceptionsFile must not be empty; "
                + "p.yaml:4: structure.expectedModules must not list an item twice; "
                + "p.yaml:7: ci.tools[0] is missing required key 'id'; "
                + "p.yaml:9: worm.signatureAlgorithms[0] must be one of ML-DSA-44, Ed25519");
    }

    @Test
    void missingVersionIsNamed() throws Exception {
        write("p.yaml", "failBelow: GOLD\n");
        assertThatThrownBy(() -> load("p.yaml")).hasMessage("p.yaml:1: the document is missing required key 'version'");
    }

    @Test
    void extendsChainMergesKeyByKeyChildWins() throws Exception {
        write("org/base.yaml", """
                version: 1
                structure:
                  requiredModuleEntries: [module.yaml]
                  allowedFiles: [a.txt, b.txt]
                scoring:
                  tiers: {gold: 85, silver: 70}
                failBelow: SILVER
                """);
        write("team/root24-policy.yaml", """
                version: 1
                extends: ../org/base.yaml
                structure:
                  allowedFiles: [c.txt]
                scoring:
                  tiers: {gold: 80}
                """);

        EffectivePolicy policy = load("team/root24-policy.yaml");

        PolicyDocument doc = policy.document();
        assertThat(doc.structure().requiredModuleEntries()).containsExactly("module.yaml");
        assertThat(doc.structure().allowedFiles()).as("lists replace").containsExactly("c.txt");
        assertThat(doc.scoring().tiers().gold()).isEqualTo(80);
        assertThat(doc.scoring().tiers().silver()).as("maps merge").isEqualTo(70);
        assertThat(doc.failBelow()).isEqualTo("SILVER");
        assertThat(policy.sources()).containsExactly("org/base.yaml", "team/root24-policy.yaml");
    }

    @Test
    void inlineSettingsOverrideTheFileKeyByKey() throws Exception {
        write("p.yaml", "version: 1\nstructure:\n  allowedFiles: [a.txt]\n  ignore: ['*.log']\n");
        Map<String, Object> structure = new LinkedHashMap<>();
        structure.put("allowedFiles", List.of("inline.txt"));
        structure.put("ignore", null);

        PolicyDocument doc = loader.load("p.yaml", Map.of("structure", structure)).document();

        assertThat(doc.structure().allowedFiles()).containsExactly("inline.txt");
        assertThat(doc.structure().ignore()).as("not set inline: the file's value stays").containsExactly("*.log");
    }

    @Test
    void classpathPolicyAndItsRelativeExtendsComeFromTheJar() throws Exception {
        EffectivePolicy policy = load("classpath:root24/testorg/team-policy.yaml");

        assertThat(policy.document().failBelow()).isEqualTo("GOLD");
        assertThat(policy.document().structure().allowedFiles()).containsExactly("org.txt");
        assertThat(policy.sources()).containsExactly("classpath:root24/testorg/org-policy.yaml",
                "classpath:root24/testorg/team-policy.yaml");
    }

    @Test
    void missingClasspathPolicySaysWhereToAddIt() {
        assertThatThrownBy(() -> load("classpath:root24/acme-policy.yaml"))
                .hasMessage("classpath:root24/acme-policy.yaml: not found on the plugin's classpath"
                        + " (add the jar that holds it as a dependency of the plugin)");
    }

    @Test
    void extendsCycleIsRejected() throws Exception {
        write("a.yaml", "version: 1\nextends: b.yaml\n");
        write("b.yaml", "version: 1\nextends: a.yaml\n");

        assertThatThrownBy(() -> load("a.yaml"))
                .hasMessage("policy extends cycle: " + dir.toRealPath().resolve("a.yaml") + " -> "
                        + dir.toRealPath().resolve("b.yaml") + " -> " + dir.toRealPath().resolve("a.yaml"));
    }

    @Test
    void extendsLeavingTheRepositoryIsRefused() throws Exception {
        write("a.yaml", "version: 1\nextends: ../../etc/policy.yaml\n");

        assertThatThrownBy(() -> load("a.yaml"))
                .hasMessageStartingWith("extends in a.yaml '../../etc/policy.yaml' is outside the repository root");
    }

    @Test
    void notYamlIsRefusedWithAClearMessage() throws Exception {
        Files.write(dir.resolve("p.yaml"), new byte[] {0x50, 0x4b, 0x03, 0x04, (byte) 0xff, (byte) 0xfe, 0, 1});
        assertThatThrownBy(() -> load("p.yaml")).hasMessage("p.yaml:1: is not valid UTF-8 text");

        write("q.yaml", "{{{ not yaml");
        assertThatThrownBy(() -> load("q.yaml")).hasMessageStartingWith("q.yaml:1: invalid YAML");

        write("r.yaml", "just a sentence\n");
        assertThatThrownBy(() -> load("r.yaml")).hasMessageStartingWith("r.yaml:1: ");
    }

    @Test
    void emptyFileIsRefused() throws Exception {
        write("p.yaml", "");
        assertThatThrownBy(() -> load("p.yaml")).hasMessage("p.yaml:1: is empty; a policy needs at least 'version: 1'");
    }

    @Test
    @Timeout(10)
    void tenMegabyteFileIsRefusedWithoutReadingIt() throws Exception {
        byte[] big = ("version: 1\n" + "# padding\n".repeat(1_000_000)).getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("big.yaml"), big);

        assertThatThrownBy(() -> load("big.yaml"))
                .hasMessage("big.yaml: is " + big.length + " bytes, larger than the limit of 4194304 bytes");
    }

    @Test
    @Timeout(10)
    void yamlBombIsRefusedQuickly() throws Exception {
        StringBuilder bomb = new StringBuilder("version: 1\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("x").append(i).append(": &a").append(i).append(" [");
            bomb.append(String.join(", ", java.util.Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
        }
        write("bomb.yaml", bomb.toString());

        assertThatThrownBy(() -> load("bomb.yaml")).hasMessageContaining("bomb.yaml:3: YAML aliases");
    }

    @Test
    void digestIsStableAndFollowsTheContent() throws Exception {
        write("a.yaml", "version: 1\nfailBelow: GOLD\nstructure: {ignore: [x]}\n");
        write("b.yaml", "version: 1\nstructure: {ignore: [x]}\nfailBelow: GOLD\n");
        write("c.yaml", "version: 1\nstructure: {ignore: [y]}\nfailBelow: GOLD\n");

        assertThat(load("a.yaml").sha256()).as("key order does not matter").isEqualTo(load("b.yaml").sha256())
                .hasSize(64);
        assertThat(load("c.yaml").sha256()).isNotEqualTo(load("a.yaml").sha256());
    }

    @Test
    void debugRenderingMasksSecretLookingEnvironmentValues() throws Exception {
        write("p.yaml", "version: 1\nchecks:\n  - id: a\n    command: x\n    environment: {API_TOKEN: s3cr3t-value, MODE: ci}\n");

        EffectivePolicy policy = load("p.yaml");

        assertThat(policy.json()).doesNotContain("s3cr3t-value").contains("\"API_TOKEN\" : \"****\"").contains("\"ci\"");
        assertThat(policy.document().checks().get(0).environment()).containsEntry("API_TOKEN", "s3cr3t-value");
    }

    @Test
    void noPolicyFileGivesInlineSettingsOnly() throws Exception {
        EffectivePolicy policy = loader.load(null, Map.of("failBelow", "BRONZE"));
        assertThat(policy.document().failBelow()).isEqualTo("BRONZE");
        assertThat(policy.sources()).isEmpty();
    }

    @Test
    void shippedSchemaMatchesTheOneInDocs() throws Exception {
        Path docs = Path.of("..", "docs", "root24-policy.schema.json");
        try (var in = getClass().getClassLoader().getResourceAsStream(PolicySchema.RESOURCE)) {
            assertThat(Files.readString(docs)).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
