package io.github.athenaddb.trino;

import io.trino.spi.connector.ConnectorSplit;

import static java.util.Objects.requireNonNull;

/** One of the source's splits, as the SDK's mapper writes it, read back by the page source for ReadRecords. */
public record FederationSplit(String splitJson)
        implements ConnectorSplit
{
    public FederationSplit
    {
        requireNonNull(splitJson, "splitJson is null");
    }

    @Override
    public long getRetainedSizeInBytes()
    {
        return 64L + 2L * splitJson.length();
    }
}
