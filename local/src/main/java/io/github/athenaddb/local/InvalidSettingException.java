package io.github.athenaddb.local;

/**
 * A connector setting (from the environment or an option) that the connector refused, with its
 * message ("Invalid configuration scan_segments='abc': expected ..."). It is bad input, like a bad
 * option, so athena-local reports it in one line and exits with 2.
 */
final class InvalidSettingException
        extends RuntimeException
{
    InvalidSettingException(String message)
    {
        super(message);
    }
}
