package dev.littlebrain.impulse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits of impulse.yaml's text that keep everything else as the user wrote it: comments, key order, the sections
 * the edit does not touch. A setting is one {@code section: key: value} line (what the templates write); its value is
 * replaced and its trailing comment kept, or the line is added at the end of its section. A value written as a
 * nested block below its key (a block-style mapping or list) is replaced whole by the one-line value. Like
 * {@link ImpulseConfig#withThreshold}, which edits the {@code continuous:} section the same way; the caller validates
 * the result with {@link ImpulseConfig#parse}.
 */
public final class ImpulseYaml {
    /** A plain scalar that YAML reads back as written (no quotes needed). */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.+-]+");

    private ImpulseYaml() {
    }

    /** {@code yaml} with {@code section.key} set to the YAML text {@code value} (see {@link #scalar}, {@link #flowMap}). */
    public static String withSetting(String yaml, String section, String key, String value) {
        List<String> lines = new ArrayList<>(yaml.lines().toList());
        int start = sectionLine(lines, section);
        if (start < 0) {
            lines.add(section + ":");
            lines.add("  " + key + ": " + value);
            return join(lines);
        }
        int end = start + 1;
        while (end < lines.size() && (lines.get(end).isBlank() || lines.get(end).startsWith(" "))) {
            end++;
        }
        int lastContent = start;
        String indent = null;
        for (int i = start + 1; i < end; i++) {
            if (!lines.get(i).isBlank() && !lines.get(i).strip().startsWith("#")) {
                lastContent = i;
                if (indent == null) {
                    indent = lines.get(i).substring(0, indentOf(lines.get(i)));
                }
            }
        }
        indent = indent == null ? "  " : indent;
        Pattern keyLine = Pattern.compile("^" + indent + Pattern.quote(key) + ":(\\s*)(.*)$");
        for (int i = start + 1; i < end; i++) {
            Matcher m = keyLine.matcher(lines.get(i));
            if (m.matches()) {
                String rest = m.group(2);
                // A nested block under the key (its value on the following, deeper lines) goes whole.
                int last = i + 1;
                while (last < end && (lines.get(last).isBlank() || indentOf(lines.get(last)) > indent.length())) {
                    last++;
                }
                if (rest.isEmpty() || rest.startsWith("#")) {
                    lines.subList(i + 1, last).clear();
                }
                lines.set(i, indent + key + ":" + (m.group(1).isEmpty() ? " " : m.group(1)) + value
                        + comment(rest));
                return join(lines);
            }
        }
        lines.add(lastContent + 1, indent + key + ": " + value);
        return join(lines);
    }

    /** A value as YAML writes it: as it is where that reads back the same, else double-quoted. */
    public static String scalar(String value) {
        if (PLAIN.matcher(value).matches()) {
            return value;
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + '"';
    }

    /** A mapping on one line, {@code {a: 1, b: "x, y"}}, in the map's order. */
    public static String flowMap(Map<String, String> values) {
        List<String> entries = new ArrayList<>();
        values.forEach((k, v) -> entries.add(scalar(k) + ": " + scalar(v)));
        return "{" + String.join(", ", entries) + "}";
    }

    /** The trailing comment of a value's text (with the spaces before it), or "". */
    private static String comment(String rest) {
        if (rest.startsWith("#")) {
            return "  " + rest;
        }
        boolean quoted = false;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '"' || c == '\'') {
                quoted = !quoted;
            } else if (c == '#' && !quoted && i > 0 && Character.isWhitespace(rest.charAt(i - 1))) {
                int from = i;
                while (from > 0 && Character.isWhitespace(rest.charAt(from - 1))) {
                    from--;
                }
                return rest.substring(from);
            }
        }
        return "";
    }

    private static int sectionLine(List<String> lines, String section) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(section + ":")) {
                return i;
            }
        }
        return -1;
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }
}
