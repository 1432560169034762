package io.github.athenaddb.local.engine;

/**
 * @param pushdown send the predicate and LIMIT to connectors as Athena does (off: read everything,
 *         Trino filters), a reference to compare the connector's pushdown against
 * @param debug show the engine's and the connector's logs (else only their errors)
 */
public record EngineOptions(boolean pushdown, boolean debug)
{
    public static final EngineOptions DEFAULTS = new EngineOptions(true, false);
}
