package io.github.athenaddb.trino;

/**
 * ReadRecords' two sizes: the largest Arrow block the source builds, and the largest answer it may
 * return inline; a larger answer is spilled to S3 and comes back as a RemoteReadRecordsResponse.
 */
public record ReadSizes(long maxBlockBytes, long maxInlineBlockBytes)
{
    /** In-process there is no response limit: rows come back inline unless a smaller inline size is set. */
    static final ReadSizes IN_PROCESS = new ReadSizes(512L * 1024 * 1024, 512L * 1024 * 1024);
    /**
     * A synchronous Lambda response is at most 6 MB, and the JSON carries Arrow blocks in base64
     * (4/3 of their size): 4 MB inline stays under it. Larger results spill.
     */
    static final ReadSizes LAMBDA = new ReadSizes(4L * 1024 * 1024, 4L * 1024 * 1024);

    public ReadSizes
    {
        if (maxBlockBytes <= 0 || maxInlineBlockBytes <= 0) {
            throw new IllegalArgumentException("block sizes must be positive: " + maxBlockBytes + ", " + maxInlineBlockBytes);
        }
    }

    static ReadSizes forEndpoint(FederationEndpoint endpoint)
    {
        return endpoint instanceof FederationEndpoint.LambdaFunction ? LAMBDA : IN_PROCESS;
    }

    /** A block never exceeds what may be inlined, so that a small inline size makes several spilled blocks, as in Lambda. */
    ReadSizes withMaxInline(long bytes)
    {
        return new ReadSizes(Math.min(maxBlockBytes, bytes), bytes);
    }
}
