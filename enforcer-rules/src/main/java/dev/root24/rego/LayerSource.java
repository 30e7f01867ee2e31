package dev.root24.rego;

import dev.root24.policy.PolicyException;

/** Where the module of a Rego file is read from. */
public enum LayerSource {
    /** The file-name prefix, full ({@code 01_ai_layer_x.rego}) or squashed ({@code 01ailayer_x.rego}). */
    FILE_NAME("fileName"),
    /** The nearest enclosing directory named after a module. */
    DIRECTORY("directory");

    private final String configName;

    LayerSource(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static LayerSource parse(String value) throws PolicyException {
        for (LayerSource source : values()) {
            if (source.configName.equalsIgnoreCase(value.strip())) {
                return source;
            }
        }
        throw new PolicyException("layerFrom '" + value + "' is not one of fileName, directory");
    }
}
