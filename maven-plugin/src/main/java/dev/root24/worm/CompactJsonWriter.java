package dev.root24.worm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Writes a JSON tree with sorted keys and no whitespace. The two byte-exact forms the chain needs
 * (RFC 8785 for new entries, Python's {@code json.dumps} for the legacy layout) differ only in
 * how keys are ordered and how strings and numbers are spelled, so those are what they supply.
 */
abstract class CompactJsonWriter {

    /** The order of an object's keys. */
    abstract Comparator<String> keyOrder();

    abstract void writeString(String value, StringBuilder out);

    abstract String number(JsonNode node);

    final String write(JsonNode node) {
        // Sized for a chain entry, so writing one rarely regrows the buffer.
        StringBuilder out = new StringBuilder(4096);
        write(node, out);
        return out.toString();
    }

    private void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
                members.sort(Map.Entry.comparingByKey(keyOrder()));
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> member : members) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    writeString(member.getKey(), out);
                    out.append(':');
                    write(member.getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> writeString(node.stringValue(), out);
            case NUMBER -> out.append(number(node));
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("not representable in JSON: " + node.getNodeType());
        }
    }

    /** The two-character escapes both forms share ({@code \" \\ \b \f \n \r \t}); false for any other character. */
    static boolean appendShortEscape(char c, StringBuilder out) {
        String escape = switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> null;
        };
        if (escape == null) {
            return false;
        }
        out.append(escape);
        return true;
    }
}
