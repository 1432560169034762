package io.github.athenaddb.local;

import io.github.athenaddb.local.engine.ResultOutput;

import java.util.List;

/** Rows passed on as they arrive, counted for the line that follows them. */
final class CountingOutput
        implements ResultOutput
{
    private final ResultOutput output;
    private long count;

    CountingOutput(ResultOutput output)
    {
        this.output = output;
    }

    long count()
    {
        return count;
    }

    @Override
    public void begin(List<String> columns, List<String> types)
    {
        output.begin(columns, types);
    }

    @Override
    public void row(List<Object> values)
    {
        count++;
        output.row(values);
    }

    @Override
    public void end()
    {
        output.end();
    }
}
