package io.github.athenaddb.local;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The least read capacity any plan could spend on the items a query needs: their sizes as
 * DynamoDB counts them, summed, in 4 KB units, times 0.5 (eventually consistent reads), and at
 * least 0.5 per request. A benchmark divides the RCU it consumed by this to show how close the
 * connector's access path came to reading only what the query needs.
 *
 * <p>Sizes follow DynamoDB's documented rules ("Item sizes and formats"): an attribute is its
 * name's UTF-8 bytes plus its value's bytes. They are computed here, not taken from a local
 * DynamoDB, so the bound does not move with how an emulator happens to meter.
 */
final class RcuLowerBound
{
    static final int UNIT_BYTES = 4096;
    static final double RCU_PER_UNIT = 0.5;

    private long bytes;
    private long items;

    /** Adds one item the query needs. */
    RcuLowerBound add(Map<String, AttributeValue> item)
    {
        bytes += itemSize(item);
        items++;
        return this;
    }

    long bytes()
    {
        return bytes;
    }

    long items()
    {
        return items;
    }

    /** The bound for reading the items added so far in {@code requests} requests (each costs at least 0.5). */
    double rcu(int requests)
    {
        double units = Math.ceil(bytes / (double) UNIT_BYTES);
        return Math.max(units * RCU_PER_UNIT, RCU_PER_UNIT * Math.max(1, requests));
    }

    /** One request: the bound of a single Scan, Query or GetItem answer. */
    double rcu()
    {
        return rcu(1);
    }

    static long itemSize(Map<String, AttributeValue> item)
    {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + valueSize(attribute.getValue());
        }
        return size;
    }

    static long valueSize(AttributeValue value)
    {
        return switch (value.type()) {
            case S -> utf8(value.s());
            case N -> numberSize(value.n());
            case B -> value.b().asByteArray().length;
            case BOOL, NUL -> 1;
            case SS -> value.ss().stream().mapToLong(RcuLowerBound::utf8).sum();
            case NS -> value.ns().stream().mapToLong(RcuLowerBound::numberSize).sum();
            case BS -> value.bs().stream().mapToLong(b -> b.asByteArray().length).sum();
            // A list or map: 3 bytes of overhead, and 1 more per element.
            case L -> 3 + elements(value.l());
            case M -> 3 + value.m().size() + itemSize(value.m());
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalArgumentException("unknown attribute type: " + value);
        };
    }

    /** 1 byte per two significant digits, plus 1 byte; leading and trailing zeros do not count. */
    static long numberSize(String number)
    {
        BigDecimal value = new BigDecimal(number).stripTrailingZeros();
        if (value.signum() == 0) {
            return 1;
        }
        int digits = value.unscaledValue().abs().toString().length();
        return 1 + (digits + 1) / 2;
    }

    private static long elements(List<AttributeValue> values)
    {
        return values.size() + values.stream().mapToLong(RcuLowerBound::valueSize).sum();
    }

    private static long utf8(String s)
    {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
