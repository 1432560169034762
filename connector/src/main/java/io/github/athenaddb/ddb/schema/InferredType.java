package io.github.athenaddb.ddb.schema;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * What the sampled values of one attribute (or one nested field or list element) look like.
 * Types form a small lattice joined by {@link #union}: the result describes every value seen,
 * so a column inferred from a sample never rejects a sampled value.
 */
public sealed interface InferredType
{
    /** Only DynamoDB NULL values (or nothing) were seen. */
    record Null() implements InferredType {}

    record Text() implements InferredType {}

    record Binary() implements InferredType {}

    record Bool() implements InferredType {}

    /** Numbers that are integral and fit a signed 64-bit integer. */
    record Integral() implements InferredType {}

    /**
     * Numbers with a fraction or beyond 64 bits: {@code integerDigits} and {@code scale} are the
     * largest seen, so the decimal column can be sized to hold them exactly.
     */
    record Decimal(int integerDigits, int scale) implements InferredType {}

    record ListOf(InferredType element) implements InferredType
    {
        public ListOf
        {
            requireNonNull(element, "element is null");
        }
    }

    /** An M attribute: the union of the fields seen, by attribute name. */
    record Struct(SortedMap<String, InferredType> fields) implements InferredType
    {
        public Struct
        {
            fields = new TreeMap<>(fields);
        }
    }

    /**
     * Values of different kinds (say S and N, or a list mixing strings and maps). Exposed as
     * VARCHAR: scalars as their text, maps and lists as JSON.
     */
    record Mixed() implements InferredType {}

    InferredType NULL = new Null();
    InferredType TEXT = new Text();
    InferredType BINARY = new Binary();
    InferredType BOOL = new Bool();
    InferredType INTEGRAL = new Integral();
    InferredType MIXED = new Mixed();

    static InferredType union(InferredType a, InferredType b)
    {
        if (a instanceof Null) {
            return b;
        }
        if (b instanceof Null || a.equals(b)) {
            return a;
        }
        if (isNumber(a) && isNumber(b)) {
            return unionNumbers(a, b);
        }
        if (a instanceof ListOf la && b instanceof ListOf lb) {
            InferredType element = union(la.element(), lb.element());
            // A list whose elements disagree cannot be an Arrow LIST: it becomes JSON text.
            return element instanceof Mixed ? MIXED : new ListOf(element);
        }
        if (a instanceof Struct sa && b instanceof Struct sb) {
            TreeMap<String, InferredType> merged = new TreeMap<>(sa.fields());
            for (Map.Entry<String, InferredType> e : sb.fields().entrySet()) {
                merged.merge(e.getKey(), e.getValue(), InferredType::union);
            }
            return new Struct(merged);
        }
        return MIXED;
    }

    private static boolean isNumber(InferredType t)
    {
        return t instanceof Integral || t instanceof Decimal;
    }

    private static InferredType unionNumbers(InferredType a, InferredType b)
    {
        Decimal da = asDecimal(a);
        Decimal db = asDecimal(b);
        return new Decimal(Math.max(da.integerDigits(), db.integerDigits()), Math.max(da.scale(), db.scale()));
    }

    private static Decimal asDecimal(InferredType t)
    {
        // 19 digits holds every long.
        return t instanceof Decimal d ? d : new Decimal(19, 0);
    }
}
