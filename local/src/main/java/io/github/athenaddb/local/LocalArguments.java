package io.github.athenaddb.local;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The command line of {@code serve} and {@code query}: {@code --dynamodb-endpoint URL},
 * {@code --region R}, {@code --debug}; serve's {@code --port N}; query's SQL argument or
 * {@code -f FILE} ({@code -} for stdin), {@code --format table|csv|json} and {@code --no-serve}
 * (an engine of its own even when a {@code serve} of the same source is up).
 */
record LocalArguments(String command, Optional<URI> dynamodbEndpoint, Optional<String> region, int port, Optional<String> sql,
        Optional<String> file, String format, boolean debug, boolean noServe)
{
    static final int DEFAULT_PORT = 8080;

    LocalArguments
    {
        requireNonNull(command, "command is null");
        requireNonNull(dynamodbEndpoint, "dynamodbEndpoint is null");
        requireNonNull(region, "region is null");
        requireNonNull(sql, "sql is null");
        requireNonNull(file, "file is null");
        requireNonNull(format, "format is null");
    }

    /** @throws IllegalArgumentException naming what is wrong */
    static LocalArguments parse(String[] args)
    {
        if (args.length == 0) {
            throw new IllegalArgumentException("give a command: serve or query");
        }
        String command = args[0];
        if (!command.equals("serve") && !command.equals("query")) {
            throw new IllegalArgumentException("unknown command '" + command + "': expected serve or query");
        }
        URI endpoint = null;
        String region = null;
        int port = DEFAULT_PORT;
        String file = null;
        String format = "table";
        boolean debug = false;
        boolean noServe = false;
        List<String> positional = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--dynamodb-endpoint" -> endpoint = uri(value(args, ++i, arg));
                case "--region" -> region = value(args, ++i, arg);
                case "--debug" -> debug = true;
                case "--port" -> port = port(value(args, ++i, arg));
                case "-f", "--file" -> file = value(args, ++i, arg);
                case "--format" -> format = format(value(args, ++i, arg));
                case "--no-serve" -> noServe = true;
                default -> {
                    if (arg.startsWith("--") || (arg.startsWith("-") && arg.length() > 1)) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    positional.add(arg);
                }
            }
        }
        if (command.equals("serve") && !positional.isEmpty()) {
            throw new IllegalArgumentException("serve takes no statement: connect a client to it");
        }
        if (command.equals("serve") && noServe) {
            throw new IllegalArgumentException("--no-serve is an option of query");
        }
        if (command.equals("query")) {
            if (positional.size() > 1) {
                throw new IllegalArgumentException("give one SQL argument (quote it), or -f FILE");
            }
            if (positional.isEmpty() == (file == null)) {
                throw new IllegalArgumentException("give a SQL statement, or -f FILE (- for stdin), not both");
            }
        }
        return new LocalArguments(command, Optional.ofNullable(endpoint), Optional.ofNullable(region), port,
                positional.stream().findFirst(), Optional.ofNullable(file), format, debug, noServe);
    }

    private static String value(String[] args, int index, String option)
    {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static URI uri(String value)
    {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri;
            }
        }
        catch (URISyntaxException e) {
            // refused below with the expected form
        }
        throw new IllegalArgumentException("--dynamodb-endpoint '" + value + "' is not a URL such as http://127.0.0.1:8000");
    }

    private static int port(String value)
    {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        }
        catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("--port '" + value + "': expected 0 (any free port) to 65535");
    }

    private static String format(String value)
    {
        if (!List.of("table", "csv", "json").contains(value)) {
            throw new IllegalArgumentException("--format must be table, csv or json, not '" + value + "'");
        }
        return value;
    }
}
