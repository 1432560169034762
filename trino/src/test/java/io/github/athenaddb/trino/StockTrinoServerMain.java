package io.github.athenaddb.trino;

import io.trino.server.Server;

/**
 * What a Trino server installation runs ({@code bin/launcher} starts {@code TrinoServer}, which
 * starts {@link Server}): its configuration from {@code -Dconfig}, its plugins from
 * {@code plugin.dir}, each in its own class loader. {@link TrinoServerPluginIT} starts it in a JVM
 * of its own.
 */
public final class StockTrinoServerMain
{
    private StockTrinoServerMain() {}

    public static void main(String[] args)
    {
        new Server().start("483");
    }
}
