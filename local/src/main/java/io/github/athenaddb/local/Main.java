package io.github.athenaddb.local;

/** {@code bin/athena-local}'s entry point; {@code trino-query} is kept as another name of {@code query}. */
public final class Main
{
    private Main() {}

    public static void main(String[] args)
    {
        String[] command = args.clone();
        if (command.length > 0 && command[0].equals("trino-query")) {
            command[0] = "query";
        }
        AthenaLocal.main(command);
    }
}
