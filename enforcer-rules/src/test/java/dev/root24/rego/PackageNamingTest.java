package dev.root24.rego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;

import dev.root24.policy.PolicyException;
import dev.root24.structure.StructurePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PackageNamingTest {

    private final LayerMapping mapping = new LayerMapping(StructurePolicy.DEFAULT_MODULES);
    private final PackageNaming ssid = new PackageNaming("ssid", LayerSource.FILE_NAME, mapping);

    @ParameterizedTest(name = "{0} under {1}: {2}")
    @CsvSource({
        "ssid.ai_layer, ssid.ai_layer, true",
        "ssid.ai_layer.v6_0, ssid.ai_layer, true",
        "ssid.ai_layer[\"x\"], ssid.ai_layer, true",
        "ssid.ai_layered, ssid.ai_layer, false",
        "ssid.01ailayer.v6_0, ssid.ai_layer, false",
        "ssid, ssid.ai_layer, false",
        "other.x, ssid, false",
        "ssid.anything, ssid, true",
        "anything, '', true",
    })
    void conformity(String path, String expected, boolean ok) {
        assertThat(PackageNaming.conforms(path, expected)).isEqualTo(ok);
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource({
        "ssid.01ailayer.v6_0, 01_ai_layer, ssid.ai_layer.v6_0",
        "ssid.01_ai_layer.v6_0, 01_ai_layer, ssid.ai_layer.v6_0",
        "ssid.core.v1, 19_adapters, ssid.adapters.v1",
        "01ailayer.v6_0, 01_ai_layer, ssid.ai_layer.v6_0",
        "foundation.rules, 20_foundation, ssid.foundation.rules",
        "ssid.01ailayer[\"x.y\"].z, 01_ai_layer, ssid.ai_layer[\"x.y\"].z",
        "ssid.01ailayer, 01_ai_layer, ssid.ai_layer",
    })
    void mechanicalRewrites(String path, String module, String rewritten) {
        assertThat(ssid.rewrite(path, Optional.of(module))).contains(rewritten);
    }

    @Test
    void noRewriteWhereItWouldBeAGuess() {
        assertThat(ssid.rewrite("ssid.policies.x", Optional.of("01_ai_layer"))).isEmpty();
        assertThat(ssid.rewrite("common.lib", Optional.of("01_ai_layer"))).isEmpty();
        assertThat(ssid.rewrite("common.lib", Optional.empty())).isEmpty();
        assertThat(ssid.rewrite("ssid.ai_layer.x", Optional.of("01_ai_layer"))).isEmpty();
    }

    @Test
    void prefixOfSeveralSegmentsOrNone() {
        PackageNaming org = new PackageNaming("org.policies", LayerSource.FILE_NAME, mapping);
        assertThat(org.expected(Optional.of("03_core"))).isEqualTo("org.policies.core");
        assertThat(org.rewrite("org.policies.03core.x", Optional.of("03_core"))).contains("org.policies.core.x");
        PackageNaming none = new PackageNaming("", LayerSource.FILE_NAME, mapping);
        assertThat(none.expected(Optional.of("03_core"))).isEqualTo("core");
        assertThat(none.expected(Optional.empty())).isEmpty();
        assertThat(none.rewrite("03core.x", Optional.of("03_core"))).contains("core.x");
    }

    @Test
    void moduleFromFileNameOrDirectory() {
        Path file = Path.of("23_compliance/policies/01ailayer_policy.rego");
        assertThat(ssid.moduleOf(file)).contains("01_ai_layer");
        assertThat(new PackageNaming("ssid", LayerSource.DIRECTORY, mapping).moduleOf(file)).contains("23_compliance");
    }

    @Test
    void configurationErrorsAreOneLine() {
        assertThatThrownBy(() -> RegoPolicy.builder().prefix("ssid..x").build())
                .isInstanceOf(PolicyException.class).hasMessageContaining("prefix 'ssid..x'");
        assertThatThrownBy(() -> LayerSource.parse("module"))
                .isInstanceOf(PolicyException.class).hasMessage("layerFrom 'module' is not one of fileName, directory");
        assertThatThrownBy(() -> V1Syntax.parse("fatal"))
                .isInstanceOf(PolicyException.class).hasMessage("v1Syntax 'fatal' is not one of off, warn, error");
        assertThatThrownBy(() -> RegoPolicy.builder().excludes(java.util.List.of("a/{b")).build())
                .isInstanceOf(PolicyException.class).hasMessageContaining("excludes: 'a/{b'");
    }
}
