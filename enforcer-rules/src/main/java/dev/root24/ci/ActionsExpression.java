package dev.root24.ci;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GitHub Actions expression language ({@code ${{ … }}}), evaluated as far as constants and a
 * few known context values allow: literals, {@code !}, {@code &&}, {@code ||}, comparisons,
 * parentheses, property access and the functions whose result does not depend on the run.
 * Everything else is {@link Value#unknown unknown}, so that a condition is only called false when
 * it is false in every run that counts.
 *
 * <p>Semantics follow the GitHub documentation and rhysd/actionlint: falsy values are
 * {@code false}, {@code 0}, {@code -0}, {@code ""}, {@code null} (and NaN); {@code &&} and
 * {@code ||} return an operand; {@code ==} compares strings ignoring case and coerces mixed types
 * to numbers.
 */
final class ActionsExpression {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Whether a value is truthy, when that is known even if the value itself is not. */
    enum Truth { TRUE, FALSE, UNKNOWN }

    /**
     * A value: known ({@code value} is null, a Boolean, a Double or a String) or unknown with
     * what is known of it: its truthiness, and for a string a lower-case prefix it surely has.
     */
    record Value(boolean known, Object value, Truth truth, String prefix) {

        static Value of(Object value) {
            return new Value(true, value, truthy(value) ? Truth.TRUE : Truth.FALSE, null);
        }

        static Value unknown(Truth truth) {
            return new Value(false, null, truth, null);
        }

        /** A non-empty string that starts with {@code prefix}, e.g. a pull request's {@code refs/pull/}. */
        static Value startingWith(String prefix) {
            return new Value(false, null, Truth.TRUE, prefix.toLowerCase(Locale.ROOT));
        }
    }

    /** The result of evaluating a whole expression, and the functions it calls (lower case). */
    record Result(Value value, Set<String> functions, boolean understood) {
        Truth truth() {
            return value.truth();
        }
    }

    /** Deeper nesting (parentheses, {@code !}) is refused, so a hostile condition cannot exhaust the stack. */
    static final int MAX_DEPTH = 100;
    /** A longer expression is not understood (counted, with a note) rather than read. */
    static final int MAX_LENGTH = 10_000;

    private final String text;
    private final Map<String, Value> context;
    private int depth;
    private final Set<String> functions = new HashSet<>();
    private final List<Object> tokens = new ArrayList<>();
    private int pos;

    private ActionsExpression(String text, Map<String, Value> context) {
        this.text = text;
        this.context = context;
    }

    /**
     * Evaluates an expression (without {@code ${{ }}}). {@code context} maps lower-case dotted
     * names ({@code github.ref}) to what is known of them; other names are unknown. An expression
     * that does not parse is unknown and not {@link Result#understood() understood}.
     */
    static Result evaluate(String expression, Map<String, Value> context) {
        ActionsExpression e = new ActionsExpression(expression, context);
        try {
            if (expression.length() > MAX_LENGTH) {
                throw new Syntax();
            }
            e.tokenize();
            Value v = e.or();
            if (e.pos != e.tokens.size()) {
                throw new Syntax();
            }
            return new Result(v, Set.copyOf(e.functions), true);
        } catch (Syntax s) {
            return new Result(Value.unknown(Truth.UNKNOWN), Set.copyOf(e.functions), false);
        }
    }

    /**
     * Evaluates an {@code if:} or similar YAML value: a boolean or number as is, a string either
     * wholly inside {@code ${{ }}} or (for {@code if:}) a bare expression. A string mixing text
     * and {@code ${{ }}} is unknown.
     */
    static Result evaluateCondition(Object yamlValue, Map<String, Value> context) {
        if (yamlValue == null) {
            return new Result(Value.of(""), Set.of(), true);
        }
        if (!(yamlValue instanceof String s)) {
            Object v = yamlValue instanceof Number n ? (Object) n.doubleValue() : yamlValue;
            return new Result(Value.of(v), Set.of(), true);
        }
        String inner = unwrap(s);
        return inner == null ? new Result(Value.unknown(Truth.UNKNOWN), Set.of(), false) : evaluate(inner, context);
    }

    /**
     * Evaluates a value that is a literal unless wholly inside {@code ${{ }}} (e.g.
     * {@code continue-on-error: ${{ true }}}): a plain string is that string.
     */
    static Result evaluateValue(Object yamlValue, Map<String, Value> context) {
        if (yamlValue instanceof String s) {
            String t = s.strip();
            if (!t.contains("${{")) {
                return new Result(Value.of(t), Set.of(), true);
            }
        }
        return evaluateCondition(yamlValue, context);
    }

    /** The expression inside one {@code ${{ }}} that spans the whole string, the string itself when it has none, or null. */
    private static String unwrap(String s) {
        String t = s.strip();
        int open = t.indexOf("${{");
        if (open < 0) {
            return t;
        }
        if (open == 0 && t.endsWith("}}") && t.indexOf("${{", 3) < 0 && t.indexOf("}}") == t.length() - 2) {
            return t.substring(3, t.length() - 2);
        }
        return null;
    }

    static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Double d) {
            return d != 0 && !d.isNaN();
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        return true;
    }

    // --- tokens: Character for punctuation, String "op:xx" for operators, Literal, Name ---

    private record Literal(Object value) {}

    private record Name(String name) {}

    private static final class Syntax extends Exception {
        private static final long serialVersionUID = 1L;

        Syntax() {
            super(null, null, false, false);
        }
    }

    private void tokenize() throws Syntax {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if ("()[],.*".indexOf(c) >= 0) {
                tokens.add(c);
                i++;
            } else if (c == '!' || c == '=' || c == '<' || c == '>') {
                boolean eq = i + 1 < n && text.charAt(i + 1) == '=';
                if (c == '=' && !eq) {
                    throw new Syntax();
                }
                tokens.add("op:" + c + (eq ? "=" : ""));
                i += eq ? 2 : 1;
            } else if ((c == '&' || c == '|') && i + 1 < n && text.charAt(i + 1) == c) {
                tokens.add("op:" + c + c);
                i += 2;
            } else if (c == '\'') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new Syntax();
                    }
                    char d = text.charAt(i);
                    if (d == '\'') {
                        if (i + 1 < n && text.charAt(i + 1) == '\'') {
                            sb.append('\'');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    sb.append(d);
                    i++;
                }
                tokens.add(new Literal(sb.toString()));
            } else if (Character.isDigit(c) || (c == '-' || c == '+') && i + 1 < n && Character.isDigit(text.charAt(i + 1))) {
                int start = i;
                i++;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.'
                        || (text.charAt(i) == '-' || text.charAt(i) == '+') && Character.toLowerCase(text.charAt(i - 1)) == 'e')) {
                    i++;
                }
                Double d = number(text.substring(start, i));
                if (d == null) {
                    throw new Syntax();
                }
                tokens.add(new Literal(d));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '-')) {
                    i++;
                }
                String word = text.substring(start, i);
                switch (word) {
                    case "true" -> tokens.add(new Literal(Boolean.TRUE));
                    case "false" -> tokens.add(new Literal(Boolean.FALSE));
                    case "null" -> tokens.add(new Literal(null));
                    case "NaN" -> tokens.add(new Literal(Double.NaN));
                    case "Infinity" -> tokens.add(new Literal(Double.POSITIVE_INFINITY));
                    default -> tokens.add(new Name(word));
                }
            } else {
                throw new Syntax();
            }
        }
    }

    private static Double number(String s) {
        try {
            String t = s.strip();
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return (double) Long.parseLong(t.substring(2), 16);
            }
            if (t.isEmpty() || !t.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?")) {
                return null;
            }
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Object peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private boolean accept(Object token) {
        if (token.equals(peek())) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(Object token) throws Syntax {
        if (!accept(token)) {
            throw new Syntax();
        }
    }

    private Value or() throws Syntax {
        if (++depth > MAX_DEPTH) {
            throw new Syntax();
        }
        Value left = and();
        while (accept("op:||")) {
            Value right = and();
            left = switch (left.truth()) {
                case TRUE -> left;
                case FALSE -> right;
                case UNKNOWN -> Value.unknown(right.truth() == Truth.TRUE ? Truth.TRUE : Truth.UNKNOWN);
            };
        }
        depth--;
        return left;
    }

    private Value and() throws Syntax {
        Value left = equality();
        while (accept("op:&&")) {
            Value right = equality();
            left = switch (left.truth()) {
                case FALSE -> left;
                case TRUE -> right;
                case UNKNOWN -> Value.unknown(right.truth() == Truth.FALSE ? Truth.FALSE : Truth.UNKNOWN);
            };
        }
        return left;
    }

    private Value equality() throws Syntax {
        Value left = comparison();
        while (true) {
            boolean eq = accept("op:==");
            if (!eq && !accept("op:!=")) {
                return left;
            }
            Value right = comparison();
            Truth equal = equal(left, right);
            left = equal == Truth.UNKNOWN ? Value.unknown(Truth.UNKNOWN) : Value.of((equal == Truth.TRUE) == eq);
        }
    }

    private Value comparison() throws Syntax {
        Value left = unary();
        while (true) {
            Object op = peek();
            if (!"op:<".equals(op) && !"op:<=".equals(op) && !"op:>".equals(op) && !"op:>=".equals(op)) {
                return left;
            }
            pos++;
            Value right = unary();
            if (!left.known() || !right.known()) {
                left = Value.unknown(Truth.UNKNOWN);
                continue;
            }
            int cmp;
            if (left.value() instanceof String a && right.value() instanceof String b) {
                cmp = a.compareToIgnoreCase(b);
            } else {
                double a = toNumber(left.value());
                double b = toNumber(right.value());
                if (Double.isNaN(a) || Double.isNaN(b)) {
                    left = Value.of(false);
                    continue;
                }
                cmp = Double.compare(a, b);
            }
            boolean r = switch ((String) op) {
                case "op:<" -> cmp < 0;
                case "op:<=" -> cmp <= 0;
                case "op:>" -> cmp > 0;
                default -> cmp >= 0;
            };
            left = Value.of(r);
        }
    }

    private Value unary() throws Syntax {
        if (accept("op:!")) {
            if (++depth > MAX_DEPTH) {
                throw new Syntax();
            }
            Value v = unary();
            depth--;
            return switch (v.truth()) {
                case TRUE -> Value.of(false);
                case FALSE -> Value.of(true);
                case UNKNOWN -> Value.unknown(Truth.UNKNOWN);
            };
        }
        return postfix();
    }

    private Value postfix() throws Syntax {
        Object token = peek();
        if (token instanceof Name name && pos + 1 < tokens.size() && tokens.get(pos + 1).equals('(')) {
            pos += 2;
            List<Value> args = new ArrayList<>();
            if (!accept(')')) {
                do {
                    args.add(or());
                } while (accept(','));
                expect(')');
            }
            Value result = call(name.name().toLowerCase(Locale.ROOT), args);
            return postfixPath(null).any() ? Value.unknown(Truth.UNKNOWN) : result;
        }
        if (token instanceof Name name) {
            pos++;
            String path = postfixPath(name.name().toLowerCase(Locale.ROOT)).path();
            Value v = path == null ? null : context.get(path);
            return v == null ? Value.unknown(Truth.UNKNOWN) : v;
        }
        Value primary;
        if (token instanceof Literal literal) {
            pos++;
            primary = Value.of(literal.value());
        } else if (accept('(')) {
            primary = or();
            expect(')');
        } else {
            throw new Syntax();
        }
        return postfixPath(null).any() ? Value.unknown(Truth.UNKNOWN) : primary;
    }

    /** The accessors after a value: the dotted path they spell (null if not plain names), and whether there were any. */
    private record Accessors(String path, boolean any) {}

    /**
     * Reads {@code .name}, {@code .*} and {@code [expr]} after a value; returns the dotted path
     * from {@code base} when every step was a plain name or string index, else null.
     */
    private Accessors postfixPath(String base) throws Syntax {
        String path = base;
        boolean any = false;
        while (true) {
            if (accept('.')) {
                any = true;
                Object next = peek();
                if (next instanceof Name n) {
                    pos++;
                    path = path == null ? null : path + "." + n.name().toLowerCase(Locale.ROOT);
                } else if (accept('*')) {
                    path = null;
                } else {
                    throw new Syntax();
                }
            } else if (accept('[')) {
                any = true;
                Value index = or();
                expect(']');
                path = path != null && index.known() && index.value() instanceof String s ? path + "." + s.toLowerCase(Locale.ROOT) : null;
            } else {
                return new Accessors(path, any);
            }
        }
    }

    private Value call(String function, List<Value> args) {
        functions.add(function);
        boolean allKnown = args.stream().allMatch(Value::known);
        return switch (function) {
            // Only runs where every earlier step passed count, so these hold in every counted run.
            case "always", "success" -> Value.of(true);
            case "startswith", "endswith", "contains" -> {
                if (args.size() == 2 && allKnown && !(args.get(0).value() instanceof Object[])) {
                    String a = asString(args.get(0).value()).toLowerCase(Locale.ROOT);
                    String b = asString(args.get(1).value()).toLowerCase(Locale.ROOT);
                    yield Value.of(function.equals("startswith") ? a.startsWith(b) : function.equals("endswith") ? a.endsWith(b) : a.contains(b));
                }
                if (function.equals("startswith") && args.size() == 2 && args.get(0).prefix() != null && args.get(1).known()) {
                    String b = asString(args.get(1).value()).toLowerCase(Locale.ROOT);
                    String prefix = args.get(0).prefix();
                    if (prefix.startsWith(b)) {
                        yield Value.of(true);
                    }
                    if (!b.startsWith(prefix)) {
                        yield Value.of(false);
                    }
                }
                yield Value.unknown(Truth.UNKNOWN);
            }
            case "fromjson" -> {
                if (args.size() == 1 && allKnown && args.get(0).value() instanceof String s) {
                    yield fromJson(s);
                }
                yield Value.unknown(Truth.UNKNOWN);
            }
            default -> Value.unknown(Truth.UNKNOWN);
        };
    }

    private static Value fromJson(String s) {
        try {
            JsonNode node = JSON.readTree(s);
            if (node.isBoolean()) {
                return Value.of(node.booleanValue());
            }
            if (node.isNumber()) {
                return Value.of(node.doubleValue());
            }
            if (node.isNull()) {
                return Value.of(null);
            }
            if (node.isString()) {
                return Value.of(node.stringValue());
            }
            // Objects and arrays are truthy whatever they hold.
            return Value.unknown(Truth.TRUE);
        } catch (JacksonException e) {
            return Value.unknown(Truth.UNKNOWN);
        }
    }

    private static Truth equal(Value a, Value b) {
        if (a.known() && b.known()) {
            return looseEquals(a.value(), b.value()) ? Truth.TRUE : Truth.FALSE;
        }
        Value prefixed = a.prefix() != null ? a : b.prefix() != null ? b : null;
        Value other = prefixed == a ? b : a;
        if (prefixed != null && other.known()) {
            if (!(other.value() instanceof String s) || !s.toLowerCase(Locale.ROOT).startsWith(prefixed.prefix())) {
                return Truth.FALSE;
            }
        }
        return Truth.UNKNOWN;
    }

    static boolean looseEquals(Object a, Object b) {
        if (a == null && b == null) {
            return true;
        }
        if (a instanceof String x && b instanceof String y) {
            return x.equalsIgnoreCase(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.equals(y);
        }
        double x = toNumber(a);
        double y = toNumber(b);
        return x == y;
    }

    static double toNumber(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof String s) {
            if (s.isBlank()) {
                return 0;
            }
            Double d = number(s);
            return d == null ? Double.NaN : d;
        }
        return Double.NaN;
    }

    private static String asString(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && !d.isInfinite() ? Long.toString(d.longValue()) : d.toString();
        }
        return v.toString();
    }
}
