package io.github.athenaddb.devkit;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs in a fresh JVM on the shaded Lambda jar: builds the handler as Lambda would, then sends
 * GetTable and one full table read through the wire, and prints how long each took since the
 * JVM started, as one JSON line. It doubles as the smoke test that the shaded jar has every
 * class a request needs.
 *
 * <p>Usage: {@code java -cp connector.jar:devkit.jar io.github.athenaddb.devkit.ColdStartProbe TABLE KEY=VALUE...}
 * where the KEY=VALUE pairs are the connector's configuration (e.g. dynamodb_endpoint=...).
 */
public final class ColdStartProbe
{
    static final String HANDLER_CLASS = "io.github.athenaddb.DdbCompositeHandler";

    private ColdStartProbe() {}

    public static void main(String[] args)
            throws Exception
    {
        String table = args[0];
        Map<String, String> config = new HashMap<>();
        for (String arg : List.of(args).subList(1, args.length)) {
            int eq = arg.indexOf('=');
            config.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(HANDLER_CLASS)
                .getConstructor(Map.class).newInstance(config);
        long constructed = System.currentTimeMillis();
        try (LambdaWire wire = new LambdaWire(handler)) {
            AthenaSequence athena = new AthenaSequence(wire);
            athena.getTable(table);
            long firstGetTable = System.currentTimeMillis();
            int rows = athena.scan(table).size();
            long firstRead = System.currentTimeMillis();
            System.out.printf("{\"handlerReadyMs\":%d,\"firstGetTableMs\":%d,\"firstFullReadMs\":%d,\"rows\":%d}%n",
                    constructed - jvmStart, firstGetTable - jvmStart, firstRead - jvmStart, rows);
        }
        // The SDK's spill executor is not a daemon thread; a Lambda is frozen, not exited.
        System.exit(0);
    }
}
