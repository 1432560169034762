package io.github.athenaddb.jdbc;

import java.util.List;
import java.util.Objects;

/**
 * SQL text with {@code ?} placeholders, and the values to bind to them in order with
 * {@code PreparedStatement.setObject(i + 1, parameters().get(i))}. Each value is one of String,
 * Long, Integer, Short, Byte, Double, Float, BigDecimal, Boolean, byte[], LocalDate or
 * LocalDateTime; none is null.
 */
public record SqlQuery(String sql, List<Object> parameters)
{
    public SqlQuery
    {
        Objects.requireNonNull(sql, "sql");
        parameters = List.copyOf(parameters);
    }
}
