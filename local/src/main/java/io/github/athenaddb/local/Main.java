package io.github.athenaddb.local;

/**
 * {@code bin/athena-local}'s entry point: {@code serve} and {@code trino-query} run on Trino's
 * engine ({@link TrinoLocal}), the other commands on the picocli command line ({@link AthenaLocal}).
 */
public final class Main
{
    private Main() {}

    public static void main(String[] args)
    {
        String command = args.length == 0 ? "" : args[0];
        if (command.equals("serve") || command.equals("trino-query")) {
            String[] rest = args.clone();
            rest[0] = command.equals("trino-query") ? "query" : "serve";
            TrinoLocal.main(rest);
        }
        else {
            AthenaLocal.main(args);
        }
    }
}
