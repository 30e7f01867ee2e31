package dev.root24.ci;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.root24.policy.PolicyException;
import dev.root24.policy.YamlNode;
import dev.root24.policy.YamlReader;

/**
 * Built-in tool lists shipped in the rules jar as YAML resources
 * ({@code dev/root24/ci/presets/<name>.yaml}), so that a parent POM can say
 * {@code <preset>ssid</preset>} instead of repeating the seed's seven tools.
 */
public final class CiPresets {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final String DIRECTORY = "/dev/root24/ci/presets/";
    private static final Set<String> KNOWN = Set.of("ssid");
    private static final Set<String> TOP_KEYS = Set.of("tools", "description");
    private static final Set<String> TOOL_KEYS = Set.of("id", "path", "referencedBy", "maxScore", "description");

    private CiPresets() {}

    /** The names of the built-in presets. */
    public static Set<String> names() {
        return new TreeSet<>(KNOWN);
    }

    /** The tools of a built-in preset, validated, in file order. */
    public static List<ToolSpec> load(String name) throws PolicyException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new PolicyException("unknown ciReferences preset '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        String source = "preset '" + name + "'";
        String text;
        try (InputStream in = CiPresets.class.getResourceAsStream(DIRECTORY + name + ".yaml")) {
            if (in == null) {
                throw new PolicyException("unknown ciReferences preset '" + name + "' (known: " + String.join(", ", names()) + ")");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PolicyException(source + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return parse(new YamlReader().parse(text, source), source);
    }

    /**
     * The tools a rule checks: the preset's (none when {@code preset} is null or blank), then the
     * inline ones; an inline tool with a preset tool's id replaces it in place.
     *
     * @throws PolicyException for an unknown preset, an invalid inline tool, two inline tools
     *     with one id, or no tools at all
     */
    public static List<ToolSpec> combine(String preset, List<ToolSpec> inline) throws PolicyException {
        Map<String, ToolSpec> byId = new java.util.LinkedHashMap<>();
        if (preset != null && !preset.isBlank()) {
            for (ToolSpec tool : load(preset.strip())) {
                byId.put(tool.id(), tool);
            }
        }
        Set<String> inlineIds = new HashSet<>();
        for (ToolSpec tool : inline) {
            tool.validate("<tools>");
            if (!inlineIds.add(tool.id())) {
                throw new PolicyException("<tools>: duplicate tool id '" + tool.id() + "'");
            }
            byId.put(tool.id(), tool);
        }
        if (byId.isEmpty()) {
            throw new PolicyException("no tools to check: configure <tools> or a <preset> (" + String.join(", ", names()) + ")");
        }
        return List.copyOf(byId.values());
    }

    /**
     * Reads a tool list in the preset layout ({@code tools: [{id, path, referencedBy, maxScore,
     * description}]}); {@code source} names it in messages.
     */
    public static List<ToolSpec> parse(YamlNode document, String source) throws PolicyException {
        if (!(document instanceof YamlNode.Mapping top)) {
            throw PolicyException.at(source, document.line(), "expected a map with key 'tools', found " + document.kind());
        }
        checkKeys(top, TOP_KEYS, "", source);
        if (!(top.get("tools") instanceof YamlNode.Sequence list)) {
            throw PolicyException.at(source, top.lineOf("tools"), "'tools' must be a list of tools");
        }
        List<ToolSpec> tools = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlNode item : list.items()) {
            if (!(item instanceof YamlNode.Mapping map)) {
                throw PolicyException.at(source, item.line(), "a tool must be a map, found " + item.kind());
            }
            checkKeys(map, TOOL_KEYS, "tools[].", source);
            ToolSpec tool = new ToolSpec(text(map, "id", source), text(map, "path", source),
                    files(map, source), maxScore(map, source),
                    map.get("description") == null ? "" : text(map, "description", source));
            tool.validate(source + " line " + map.line());
            if (!ids.add(tool.id())) {
                throw PolicyException.at(source, map.lineOf("id"), "duplicate tool id '" + tool.id() + "'");
            }
            tools.add(tool);
        }
        return List.copyOf(tools);
    }

    private static void checkKeys(YamlNode.Mapping map, Set<String> allowed, String prefix, String source)
            throws PolicyException {
        for (Map.Entry<String, YamlNode> entry : map.entries().entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                throw PolicyException.at(source, map.lineOf(entry.getKey()), "unknown key '" + prefix + entry.getKey()
                        + "' (expected one of " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static String text(YamlNode.Mapping map, String key, String source) throws PolicyException {
        if (!(map.get(key) instanceof YamlNode.Scalar scalar) || scalar.value() == null) {
            throw PolicyException.at(source, map.lineOf(key), "tool key '" + key + "' must be a string");
        }
        return scalar.text();
    }

    private static int maxScore(YamlNode.Mapping map, String source) throws PolicyException {
        if (!(map.get("maxScore") instanceof YamlNode.Scalar scalar) || !(scalar.value() instanceof Integer n)) {
            throw PolicyException.at(source, map.lineOf("maxScore"), "tool key 'maxScore' must be a whole number");
        }
        return n;
    }

    private static List<String> files(YamlNode.Mapping map, String source) throws PolicyException {
        if (!(map.get("referencedBy") instanceof YamlNode.Sequence files)) {
            throw PolicyException.at(source, map.lineOf("referencedBy"), "tool key 'referencedBy' must be a list of files");
        }
        List<String> out = new ArrayList<>();
        for (YamlNode file : files.items()) {
            if (!(file instanceof YamlNode.Scalar scalar) || !scalar.isString()) {
                throw PolicyException.at(source, file.line(), "referencedBy entries must be file paths, found " + file.kind());
            }
            out.add(scalar.text());
        }
        return out;
    }
}
