package io.github.athenaddb.local;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** README's first command, end to end: dynalite, the sample load, and the example queries through the wire. */
class DemoCommandTest
{
    @Test
    void demoLoadsTheSampleAndRunsTheExampleQueriesThroughTheConnector()
    {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            exit = AthenaLocal.commandLine().execute("demo");
        }
        finally {
            System.setOut(original);
        }
        String output = buffer.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        assertThat(output)
                .contains("Loaded 10,591 items")
                .contains("Tables in \"lambda:ddb\".\"default\": [Ecommerce]")
                .contains("  address        row(City varchar, Zip varchar)")
                .contains("  interests      array(varchar)")
                .contains("| Customer  | 650   |")
                .contains("| Order     | 2859  |")
                .contains("| OrderItem | 7082  |")
                .contains("-- ddb.default.ecommerce: 1 split, requests: Scan 6, 200.5 RCU, 11,591 items scanned, 10,591 rows returned")
                .contains("| ada_lovelace_000 | Ada Lovelace | Berlin | [\"books\",\"music\"] | 1           | 89.500000000 |")
                .contains("--   pushed: type = 'Order'")
                .doesNotContain("Exception");
    }
}
