package io.github.athenaddb.ddb.export;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A completed full export, from its manifest-summary.json: where its manifests are, and the point
 * in time it holds the table at.
 */
public record ExportManifest(ExportLocation location, Instant exportTime)
{
    public ExportManifest
    {
        requireNonNull(location, "location is null");
        requireNonNull(exportTime, "exportTime is null");
    }
}
