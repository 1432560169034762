package io.github.athenaddb.local.engine;

import java.util.List;

/** Where one statement's rows go, as they arrive; values are already plain ({@link ClientValues}). */
public interface ResultOutput
{
    /** @param types Trino's type of each column: {@code varchar}, {@code decimal(10,2)}, {@code row(a bigint)} */
    void begin(List<String> columns, List<String> types);

    void row(List<Object> values);

    void end();
}
