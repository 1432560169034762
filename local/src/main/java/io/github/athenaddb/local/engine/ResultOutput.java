package io.github.athenaddb.local.engine;

import java.util.List;

/** Where one statement's rows go, as they arrive; values are already plain ({@link ClientValues}). */
public interface ResultOutput
{
    void begin(List<String> columns);

    void row(List<Object> values);

    void end();
}
