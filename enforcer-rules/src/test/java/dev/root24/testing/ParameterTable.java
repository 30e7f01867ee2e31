package dev.root24.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameter table of a rule or goal reference page (the rows under the {@code | parameter |}
 * header), read the same way for the rules' and the goals' pages, so a page checked against its
 * code is parsed by one reader.
 */
public final class ParameterTable {

    /** {@code | `name` | `property` |}; a second column that is not one property is no property. */
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Za-z0-9]+)` \\|(?: `([A-Za-z0-9.]+)` \\|)?");

    private ParameterTable() {
    }

    /**
     * Parameter name to its {@code -D} property ("" when it has none); empty when the page has no
     * table.
     */
    public static Map<String, String> rows(Path page) throws IOException {
        Map<String, String> rows = new TreeMap<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(page)) {
            if (line.startsWith("| parameter |")) {
                inTable = true;
            } else if (inTable && !line.startsWith("|")) {
                break;
            } else if (inTable) {
                Matcher m = ROW.matcher(line);
                if (m.find()) {
                    rows.put(m.group(1), m.group(2) == null ? "" : m.group(2));
                }
            }
        }
        return rows;
    }
}
