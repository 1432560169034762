package io.github.athenaddb.local.engine;

import io.trino.client.ClientTypeSignature;
import io.trino.client.ClientTypeSignatureParameter;
import io.trino.client.Row;
import io.trino.client.RowField;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value as Trino's client protocol decodes it, turned into plain Java by its column type: rows
 * become maps from field name to value (so JSON shows the names, as Athena's console does), and
 * decimals, which the protocol carries as text to keep every digit, become {@link BigDecimal}.
 */
public final class ClientValues
{
    private ClientValues() {}

    public static Object plain(ClientTypeSignature type, Object value)
    {
        if (value == null) {
            return null;
        }
        return switch (type.getRawType()) {
            case "decimal" -> value instanceof String s ? new BigDecimal(s) : value;
            case "array" -> {
                ClientTypeSignature element = argument(type, 0);
                List<Object> out = new ArrayList<>();
                ((List<?>) value).forEach(e -> out.add(plain(element, e)));
                yield out;
            }
            case "map" -> {
                ClientTypeSignature keyType = argument(type, 0);
                ClientTypeSignature valueType = argument(type, 1);
                Map<Object, Object> out = new LinkedHashMap<>();
                ((Map<?, ?>) value).forEach((k, v) -> out.put(plain(keyType, k), plain(valueType, v)));
                yield out;
            }
            case "row" -> row(type, value);
            default -> value;
        };
    }

    private static Object row(ClientTypeSignature type, Object value)
    {
        if (!(value instanceof Row row)) {
            return value;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        List<ClientTypeSignatureParameter> fields = type.getArguments();
        for (RowField field : row.getFields()) {
            int ordinal = field.getOrdinal();
            ClientTypeSignatureParameter declared = ordinal < fields.size() ? fields.get(ordinal) : null;
            // An anonymous field (row(1, 2)) is named by its position, as Trino names unnamed columns.
            String name = field.getName().orElse("_field" + ordinal);
            Object fieldValue = declared == null ? field.getValue() : plain(declared.getNamedTypeSignature().getTypeSignature(), field.getValue());
            out.put(name, fieldValue);
        }
        return out;
    }

    private static ClientTypeSignature argument(ClientTypeSignature type, int index)
    {
        return type.getArguments().get(index).getTypeSignature();
    }
}
