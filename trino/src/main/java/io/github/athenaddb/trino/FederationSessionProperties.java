package io.github.athenaddb.trino;

import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.session.PropertyMetadata;

import java.util.List;

import static io.trino.spi.session.PropertyMetadata.booleanProperty;

/** The catalog's session properties ({@code SET SESSION "lambda:ddb".splits_only = true}). */
public final class FederationSessionProperties
{
    /**
     * Plans every read as usual (GetTableLayout, GetSplits) but sends no ReadRecords: each split
     * returns no rows. What a query would read, and its splits, without its cost (athena-local's
     * {@code explain}).
     */
    public static final String SPLITS_ONLY = "splits_only";

    static final List<PropertyMetadata<?>> PROPERTIES = List.of(booleanProperty(SPLITS_ONLY,
            "Plan each read and its splits (GetTableLayout, GetSplits) but read no records: every split returns no rows", false, false));

    private FederationSessionProperties() {}

    static boolean splitsOnly(ConnectorSession session)
    {
        return session.getProperty(SPLITS_ONLY, Boolean.class);
    }
}
