package io.github.athenaddb.jdbc;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The SQL spelling differences between the JDBC sources this connector reads. */
public enum SqlDialect
{
    /** PostgreSQL: {@code "name"}, with {@code "} doubled inside. */
    POSTGRESQL('"', "SET TIME ZONE 'UTC'"),
    /** MySQL and MariaDB: {@code `name`}, with a backtick doubled inside (works with or without ANSI_QUOTES). */
    MYSQL('`', "SET time_zone = '+00:00'");

    private static final Pattern URL_PREFIX = Pattern.compile("^(jdbc:[a-z0-9-]{1,30}:)");

    private final char quoteChar;
    private final String utcSession;

    SqlDialect(char quoteChar, String utcSession)
    {
        this.quoteChar = quoteChar;
        this.utcSession = utcSession;
    }

    /**
     * The statement that puts a session in UTC. Values with a time zone (timestamptz, MySQL
     * TIMESTAMP) are read as UTC and constraint values bound as UTC wall clocks; the server's
     * (or, for PostgreSQL's driver, the JVM's) default zone must not shift them.
     */
    public String utcSession()
    {
        return utcSession;
    }

    /**
     * A delimited identifier: any name, reserved words and unicode included, is read by the
     * database as exactly that name. NUL cannot be delimited in either database and is refused,
     * as are null and the empty name.
     */
    public String quote(String identifier)
    {
        if (identifier == null || identifier.isEmpty()) {
            throw new IllegalArgumentException("an identifier must not be null or empty");
        }
        if (identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an identifier must not contain NUL");
        }
        String q = String.valueOf(quoteChar);
        return q + identifier.replace(q, q + q) + q;
    }

    /**
     * The dialect of a JDBC URL, from its subprotocol. The error names at most the
     * {@code jdbc:subprotocol:} prefix, never the rest, which may hold a user name or password.
     */
    public static SqlDialect fromUrl(String jdbcUrl)
    {
        String url = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
            return MYSQL;
        }
        Matcher prefix = URL_PREFIX.matcher(url);
        if (prefix.find()) {
            throw new IllegalArgumentException("unsupported JDBC URL " + prefix.group(1)
                    + "… (supported: jdbc:postgresql:, jdbc:mysql:, jdbc:mariadb:)");
        }
        throw new IllegalArgumentException("not a supported JDBC URL (expected jdbc:postgresql:, jdbc:mysql: or jdbc:mariadb:)");
    }
}
