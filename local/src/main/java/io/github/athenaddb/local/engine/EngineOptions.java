package io.github.athenaddb.local.engine;

/**
 * @param pushdown send WHERE conjuncts to connectors as constraints (off: read everything, filter in the engine)
 * @param splitParallelism how many splits of one table are read at once
 */
public record EngineOptions(boolean pushdown, int splitParallelism)
{
    public static final EngineOptions DEFAULTS = new EngineOptions(true, 4);

    public EngineOptions
    {
        if (splitParallelism < 1) {
            throw new IllegalArgumentException("splitParallelism must be at least 1");
        }
    }
}
