package io.github.athenaddb.ddb.schema;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a column type as Glue (the Hive metastore) stores it, {@code decimal(10,2)} or
 * {@code array<struct<sku:string,qty:int>>}, into the nullable Arrow field Athena expects, and
 * writes a field back as such a string. The types, also in README:
 * <ul>
 * <li>{@code boolean}, {@code tinyint}, {@code smallint}, {@code int}/{@code integer},
 *     {@code bigint}, {@code float}/{@code real}, {@code double}, {@code string},
 *     {@code varchar(n)}, {@code char(n)} (both Utf8: the length is not enforced),
 *     {@code binary}, {@code date} (Date DAY) and {@code timestamp} (Date MILLISECOND, as the
 *     federation SDK types Athena timestamps).</li>
 * <li>{@code decimal(p,s)} with 1 &lt;= p &lt;= 38 and 0 &lt;= s &lt;= p; {@code decimal(p)} is
 *     {@code decimal(p,0)}; a bare {@code decimal} is {@code decimal(38,18)}, as the official
 *     connector reads it (Spark's default), not Hive's {@code decimal(10,0)}.</li>
 * <li>{@code array<T>}: a list whose child is named {@code item}; {@code set<T>}, which Glue's
 *     DynamoDB crawler writes for SS, NS and BS, is the same list, as the official connector reads it.</li>
 * <li>{@code map<K,V>} with a primitive K: an Arrow map, whose non-nullable struct child
 *     {@code entries} holds a non-nullable {@code key} and a nullable {@code value}.</li>
 * <li>{@code struct<name:T,...>}: at least one field; names are lower-cased as Athena does, and
 *     two fields may not share a name. A name other than letters, digits and {@code _} is
 *     written between backticks ({@code `first name`:string}, a backtick in it doubled).</li>
 * </ul>
 * Keywords are case-insensitive, blanks between the parts are allowed and types nest to any
 * depth. Anything else is refused with an {@link IllegalArgumentException} that quotes the whole
 * type and says what is wrong at which character (counted from 1).
 */
public final class GlueTypes
{
    public static final int MAX_DECIMAL_PRECISION = 38;
    /** A bare {@code decimal}: the official connector's decimal(38,18), so a table it read reads the same here. */
    public static final int DEFAULT_DECIMAL_PRECISION = 38;
    public static final int DEFAULT_DECIMAL_SCALE = 18;
    static final String MAP_ENTRIES = "entries";
    static final String MAP_KEY = "key";
    static final String MAP_VALUE = "value";

    private static final String PRIMITIVES = "boolean, tinyint, smallint, int, integer, bigint, float, real, double, "
            + "decimal(p,s), string, varchar(n), char(n), binary, date, timestamp";
    private static final Set<String> UNSUPPORTED = Set.of("interval", "uniontype", "time", "void", "timestamptz");

    private GlueTypes() {}

    /**
     * @param columnName the name of the field returned (kept as given)
     * @param glueType the type as Glue stores it
     * @throws IllegalArgumentException when the type is malformed or has no Arrow equivalent here
     */
    public static Field toField(String columnName, String glueType)
    {
        if (glueType == null) {
            throw new IllegalArgumentException("Glue type is missing (null)");
        }
        Parser parser = new Parser(glueType);
        try {
            return parser.parseWhole(columnName);
        }
        catch (StackOverflowError e) {
            throw new IllegalArgumentException("Invalid Glue type '" + glueType + "': nested too deeply to read");
        }
    }

    /**
     * The Glue type of a field: the canonical spelling of what {@link #toField} reads
     * ({@code int}, {@code float}, {@code string} for any text), so that
     * {@code toField(name, toGlue(field))} equals {@code field} for every field it returns.
     *
     * @throws IllegalArgumentException for an Arrow type with no Glue equivalent here
     */
    public static String toGlue(Field field)
    {
        StringBuilder out = new StringBuilder();
        writeGlue(field, out);
        return out.toString();
    }

    private static void writeGlue(Field field, StringBuilder out)
    {
        ArrowType type = field.getType();
        switch (type.getTypeID()) {
            case Bool -> out.append("boolean");
            case Int -> out.append(intName((ArrowType.Int) type, field));
            case FloatingPoint -> {
                FloatingPointPrecision precision = ((ArrowType.FloatingPoint) type).getPrecision();
                if (precision == FloatingPointPrecision.HALF) {
                    throw noGlueType(field);
                }
                out.append(precision == FloatingPointPrecision.SINGLE ? "float" : "double");
            }
            case Decimal -> {
                ArrowType.Decimal d = (ArrowType.Decimal) type;
                if (d.getPrecision() > MAX_DECIMAL_PRECISION) {
                    throw noGlueType(field);
                }
                out.append("decimal(").append(d.getPrecision()).append(',').append(d.getScale()).append(')');
            }
            case Utf8 -> out.append("string");
            case Binary -> out.append("binary");
            case Date -> out.append(((ArrowType.Date) type).getUnit() == DateUnit.DAY ? "date" : "timestamp");
            case List -> {
                out.append("array<");
                writeGlue(onlyChild(field), out);
                out.append('>');
            }
            case Map -> {
                Field entries = onlyChild(field);
                if (entries.getChildren().size() != 2) {
                    throw new IllegalArgumentException("Map field '" + field.getName() + "' needs a key and a value");
                }
                out.append("map<");
                writeGlue(entries.getChildren().get(0), out);
                out.append(',');
                writeGlue(entries.getChildren().get(1), out);
                out.append('>');
            }
            case Struct -> {
                if (field.getChildren().isEmpty()) {
                    throw new IllegalArgumentException("Struct field '" + field.getName() + "' has no fields; Glue needs at least one");
                }
                out.append("struct<");
                for (int i = 0; i < field.getChildren().size(); i++) {
                    Field child = field.getChildren().get(i);
                    out.append(i == 0 ? "" : ",").append(quoteName(child.getName())).append(':');
                    writeGlue(child, out);
                }
                out.append('>');
            }
            default -> throw noGlueType(field);
        }
    }

    private static String intName(ArrowType.Int type, Field field)
    {
        if (!type.getIsSigned()) {
            throw noGlueType(field);
        }
        return switch (type.getBitWidth()) {
            case 8 -> "tinyint";
            case 16 -> "smallint";
            case 32 -> "int";
            case 64 -> "bigint";
            default -> throw noGlueType(field);
        };
    }

    private static Field onlyChild(Field field)
    {
        if (field.getChildren().size() != 1) {
            throw new IllegalArgumentException("Field '" + field.getName() + "' of type " + field.getType()
                    + " needs exactly one child, has " + field.getChildren().size());
        }
        return field.getChildren().get(0);
    }

    private static IllegalArgumentException noGlueType(Field field)
    {
        return new IllegalArgumentException("Field '" + field.getName() + "' has Arrow type " + field.getType()
                + ", which has no Glue type here");
    }

    static String quoteName(String name)
    {
        if (!name.isEmpty() && name.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) {
            return name;
        }
        return "`" + name.replace("`", "``") + "`";
    }

    /** Recursive descent over the type text; {@code pos} is the index of the next character. */
    private static final class Parser
    {
        private final String text;
        private int pos;

        Parser(String text)
        {
            this.text = text;
        }

        Field parseWhole(String name)
        {
            skipBlanks();
            if (pos == text.length()) {
                throw new IllegalArgumentException("Invalid Glue type '" + text + "': it is empty");
            }
            Field field = parseType(name);
            skipBlanks();
            if (pos < text.length()) {
                throw fail(pos, "unexpected " + found() + " after the end of the type");
            }
            return field;
        }

        private Field parseType(String name)
        {
            skipBlanks();
            int start = pos;
            String word = readWord().toLowerCase(Locale.ROOT);
            switch (word) {
                case "boolean":
                    return scalar(name, ArrowType.Bool.INSTANCE);
                case "tinyint":
                    return scalar(name, new ArrowType.Int(8, true));
                case "smallint":
                    return scalar(name, new ArrowType.Int(16, true));
                case "int":
                case "integer":
                    return scalar(name, new ArrowType.Int(32, true));
                case "bigint":
                    return scalar(name, new ArrowType.Int(64, true));
                case "float":
                case "real":
                    return scalar(name, new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE));
                case "double":
                    return scalar(name, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
                case "decimal":
                    return decimal(name);
                case "string":
                    return scalar(name, ArrowType.Utf8.INSTANCE);
                case "varchar":
                    return text(name, 65535);
                case "char":
                    return text(name, 255);
                case "binary":
                    return scalar(name, ArrowType.Binary.INSTANCE);
                case "date":
                    return scalar(name, new ArrowType.Date(DateUnit.DAY));
                case "timestamp":
                    refuseTimeZone(start);
                    return scalar(name, new ArrowType.Date(DateUnit.MILLISECOND));
                case "array":
                case "set":
                    return array(name);
                case "map":
                    return map(name);
                case "struct":
                    return struct(name);
                case "":
                    throw fail(start, "expected a type, found " + found());
                default:
                    if (UNSUPPORTED.contains(word)) {
                        throw fail(start, "type '" + word + "' is not supported");
                    }
                    throw fail(start, "unknown type '" + text.substring(start, pos) + "' (expected one of " + PRIMITIVES
                            + ", array<T>, set<T>, map<K,V>, struct<name:T,...>)");
            }
        }

        private Field decimal(String name)
        {
            int precision = DEFAULT_DECIMAL_PRECISION;
            int scale = DEFAULT_DECIMAL_SCALE;
            if (consume('(')) {
                scale = 0;
                skipBlanks();
                int precisionAt = pos;
                precision = readNumber("a precision");
                if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
                    throw fail(precisionAt, "decimal precision " + text.substring(precisionAt, pos).trim()
                            + " is not between 1 and " + MAX_DECIMAL_PRECISION);
                }
                if (consume(',')) {
                    skipBlanks();
                    int scaleAt = pos;
                    scale = readNumber("a scale");
                    if (scale > precision) {
                        throw fail(scaleAt, "decimal scale " + text.substring(scaleAt, pos) + " is greater than its precision "
                                + precision);
                    }
                }
                expect(')');
            }
            return scalar(name, new ArrowType.Decimal(precision, scale, 128));
        }

        private Field text(String name, int maxLength)
        {
            if (consume('(')) {
                skipBlanks();
                int lengthAt = pos;
                int length = readNumber("a length");
                if (length < 1 || length > maxLength) {
                    throw fail(lengthAt, "length " + text.substring(lengthAt, pos) + " is not between 1 and " + maxLength);
                }
                expect(')');
            }
            return scalar(name, ArrowType.Utf8.INSTANCE);
        }

        private void refuseTimeZone(int start)
        {
            int mark = pos;
            skipBlanks();
            if (readWord().equalsIgnoreCase("with")) {
                throw fail(start, "type 'timestamp with time zone' is not supported");
            }
            pos = mark;
        }

        private Field array(String name)
        {
            expect('<');
            Field item = parseType(ArrowFieldMapper.LIST_ITEM);
            expect('>');
            return new Field(name, FieldType.nullable(ArrowType.List.INSTANCE), List.of(item));
        }

        private Field map(String name)
        {
            expect('<');
            skipBlanks();
            int keyAt = pos;
            Field key = parseType(MAP_KEY);
            if (!key.getChildren().isEmpty()) {
                throw fail(keyAt, "a map key must be a primitive type, not " + text.substring(keyAt, pos).trim());
            }
            expect(',');
            Field value = parseType(MAP_VALUE);
            expect('>');
            Field entries = new Field(MAP_ENTRIES, FieldType.notNullable(ArrowType.Struct.INSTANCE),
                    List.of(new Field(MAP_KEY, FieldType.notNullable(key.getType()), null), value));
            return new Field(name, FieldType.nullable(new ArrowType.Map(false)), List.of(entries));
        }

        private Field struct(String name)
        {
            expect('<');
            skipBlanks();
            if (peek() == '>') {
                throw fail(pos, "a struct needs at least one field");
            }
            List<Field> children = new ArrayList<>();
            Set<String> names = new HashSet<>();
            do {
                skipBlanks();
                int nameAt = pos;
                String fieldName = readFieldName().toLowerCase(Locale.ROOT);
                if (fieldName.isEmpty()) {
                    throw fail(nameAt, "expected a field name, found " + found());
                }
                if (!names.add(fieldName)) {
                    throw fail(nameAt, "field '" + fieldName + "' appears twice in the struct (names ignore case)");
                }
                skipBlanks();
                if (peek() != ':') {
                    throw fail(pos, "expected ':' after field name '" + fieldName + "', found " + found());
                }
                pos++;
                children.add(parseType(fieldName));
                skipBlanks();
            }
            while (consume(','));
            expect('>');
            return new Field(name, FieldType.nullable(ArrowType.Struct.INSTANCE), children);
        }

        private String readWord()
        {
            int start = pos;
            while (pos < text.length() && isWordChar(text.charAt(pos))) {
                pos++;
            }
            return text.substring(start, pos);
        }

        private String readFieldName()
        {
            if (peek() != '`') {
                int start = pos;
                while (pos < text.length() && !isDelimiter(text.charAt(pos))) {
                    pos++;
                }
                return text.substring(start, pos);
            }
            int open = pos++;
            StringBuilder name = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c != '`') {
                    name.append(c);
                }
                else if (peek() == '`') {
                    name.append('`');
                    pos++;
                }
                else {
                    return name.toString();
                }
            }
            throw fail(open, "the field name opened by this backtick is not closed");
        }

        private int readNumber(String what)
        {
            int start = pos;
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                pos++;
            }
            if (start == pos) {
                throw fail(pos, "expected " + what + " (a number), found " + found());
            }
            // Longer than 9 digits is out of every range checked; Integer.MAX_VALUE says so.
            return pos - start > 9 ? Integer.MAX_VALUE : Integer.parseInt(text.substring(start, pos));
        }

        private boolean consume(char c)
        {
            skipBlanks();
            if (peek() == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(char c)
        {
            if (!consume(c)) {
                throw fail(pos, "expected '" + c + "', found " + found());
            }
        }

        private char peek()
        {
            return pos < text.length() ? text.charAt(pos) : 0;
        }

        private void skipBlanks()
        {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private String found()
        {
            if (pos >= text.length()) {
                return "the end of the type";
            }
            int end = pos + 1;
            if (isWordChar(text.charAt(pos))) {
                while (end < text.length() && isWordChar(text.charAt(end))) {
                    end++;
                }
            }
            return "'" + text.substring(pos, Math.min(end, pos + 20)) + "'";
        }

        private IllegalArgumentException fail(int index, String problem)
        {
            return new IllegalArgumentException("Invalid Glue type '" + text + "' at character " + (index + 1) + ": " + problem);
        }

        private static boolean isWordChar(char c)
        {
            return Character.isLetterOrDigit(c) || c == '_';
        }

        private static boolean isDelimiter(char c)
        {
            return Character.isWhitespace(c) || c == ':' || c == ',' || c == '<' || c == '>' || c == '(' || c == ')' || c == '`';
        }
    }

    private static Field scalar(String name, ArrowType type)
    {
        return new Field(name, FieldType.nullable(type), null);
    }
}
