package dev.root24.rego;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import dev.root24.structure.StructurePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LayerMappingTest {

    private final LayerMapping mapping = new LayerMapping(StructurePolicy.DEFAULT_MODULES);

    /** The seed report's "Package Name Mappings Applied" table, all 24 rows, verbatim. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '>', value = {
        "01ailayer          > ai_layer",
        "02auditlogging     > audit_logging",
        "03core             > core",
        "04deployment       > deployment",
        "05documentation    > documentation",
        "06datapipeline     > data_pipeline",
        "07governancelegal  > governance_legal",
        "08identityscore    > identity_score",
        "09metaidentity     > meta_identity",
        "10interoperability > interoperability",
        "11testsimulation   > test_simulation",
        "12tooling          > tooling",
        "13uilayer          > ui_layer",
        "14zerotimeauth     > zero_time_auth",
        "15infra            > infra",
        "16codex            > codex",
        "17observability    > observability",
        "18datalayer        > data_layer",
        "19adapters         > adapters",
        "20foundation       > foundation",
        "21postquantumcrypto > post_quantum_crypto",
        "22datasets         > datasets",
        "23compliance       > compliance",
        "24metaorchestration > meta_orchestration",
    })
    void seedMappingTable(String squashed, String layer) {
        Optional<String> module = mapping.moduleNamedBy(squashed);
        assertThat(module).isPresent();
        assertThat(StructurePolicy.DEFAULT_MODULES).contains(module.get());
        assertThat(LayerMapping.squashed(module.get())).isEqualTo(squashed);
        assertThat(LayerMapping.layerOf(module.get())).isEqualTo(layer);
        // The seed's file names use the squashed form; they name the same module.
        assertThat(mapping.moduleFromFileName(squashed + "_policy_v6_0.rego")).isEqualTo(module);
        // And the seed's package rewrite comes out exactly.
        PackageNaming naming = new PackageNaming("ssid", LayerSource.FILE_NAME, mapping);
        assertThat(naming.rewrite("ssid." + squashed + ".v6_0", module)).contains("ssid." + layer + ".v6_0");
    }

    @Test
    void theTableCoversEveryLockedModuleOnce() {
        assertThat(StructurePolicy.DEFAULT_MODULES).hasSize(24)
                .extracting(LayerMapping::squashed).doesNotHaveDuplicates();
        assertThat(StructurePolicy.DEFAULT_MODULES).extracting(LayerMapping::layerOf).doesNotHaveDuplicates();
    }

    @Test
    void fileNamesInEitherSpellingFollowedByUnderscoreDotOrNothing() {
        assertThat(mapping.moduleFromFileName("01_ai_layer_policy.rego")).contains("01_ai_layer");
        assertThat(mapping.moduleFromFileName("01_ai_layer.rego")).contains("01_ai_layer");
        assertThat(mapping.moduleFromFileName("21postquantumcrypto.rego")).contains("21_post_quantum_crypto");
        assertThat(mapping.moduleFromFileName("01_ai_layered.rego")).isEmpty();
        assertThat(mapping.moduleFromFileName("01ailayerx_policy.rego")).isEmpty();
        assertThat(mapping.moduleFromFileName("ai_layer_policy.rego")).isEmpty();
        assertThat(mapping.moduleFromFileName("policy.rego")).isEmpty();
    }

    @Test
    void nearestEnclosingModuleDirectory() {
        assertThat(mapping.moduleFromDirectory(Path.of("23_compliance/policies/01_ai_layer/x.rego"))).contains("01_ai_layer");
        assertThat(mapping.moduleFromDirectory(Path.of("23_compliance/policies/x.rego"))).contains("23_compliance");
        assertThat(mapping.moduleFromDirectory(Path.of("policies/01ailayer/x.rego"))).isEmpty();
        assertThat(mapping.moduleFromDirectory(Path.of("x.rego"))).isEmpty();
    }
}
