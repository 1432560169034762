package io.github.athenaddb.local;

import io.github.athenaddb.devkit.MotoServer;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's first command, end to end: dynalite, the sample load, and the example queries through the
 * wire; then the change and export tables' queries on moto_server, or the line saying it is not installed.
 */
class DemoCommandTest
{
    @Test
    void demoLoadsTheSampleAndRunsTheExampleQueriesThroughTheConnector()
    {
        CliRun run = CliRun.of("demo");
        String output = run.out();
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(output)
                .contains("Loaded 10,591 items")
                .contains("Tables in \"lambda:ddb\".\"default\": [ecommerce]")
                .contains("  address        row(\"city\" varchar, \"zip\" varchar)")
                .contains("  interests      array(varchar)")
                .contains("| Customer  | 650   |")
                .contains("| Order     | 2859  |")
                .contains("| OrderItem | 7082  |")
                .contains("-- ddb.default.ecommerce: 1 split, requests: Scan 2, 182.5 RCU, 10,591 items scanned, 10,591 rows returned")
                .contains("| ada_lovelace_000 | Ada Lovelace | Berlin | [\"books\",\"music\"] | 1           | 89.500000000 |")
                .contains("--   pushed: type = 'Order'")
                // Through ddb after DESCRIBE through "lambda:ddb": one handler serves both, so no second schema sample.
                .contains("-- ddb.default.ecommerce: 1 split, requests: GetItem 1, 0.5 RCU, 1 item scanned, 1 row returned")
                .contains("Entity views in \"lambda:ddb\".\"shop\" (examples/ecommerce/tables.json, Glue's shape): [customers, order_items, orders]")
                .contains("  pk varchar, sk varchar, category varchar, orderid varchar, price decimal(38,9), productid varchar, productname varchar, "
                        + "quantity bigint, type varchar")
                .contains("| ITEM#04 | Fountain pen     | 1        | 64.000000000  |")
                .contains("-- ddb.shop.order_items: 1 split, requests: Query 1, 0.5 RCU, 4 items scanned, 4 rows returned")
                // The federated queries: DynamoDB views joined with the embedded PostgreSQL's customers.
                .contains("650 customers from examples/ecommerce/customers.csv")
                .contains("Tables in \"lambda:rds\".\"public\" (PostgreSQL): [customers]")
                .contains("| female     | Noise-cancelling headphones | 29    | 8671.000000 |")
                .contains("| non-binary | Rain jacket                 | 10    | 1599.000000 |")
                .contains("| Lisbon | 308    | 137071.070000000 |")
                .contains("| linus_thompson_371   | 2026-05-18 00:00:00.000 | 1962       | 7      | 6026.770000000 |")
                .contains("-- rds.public.customers: 1 split, 207 rows returned")
                .contains("--   pushed: created_at >= TIMESTAMP '2026-01-01 00:00:00.000'")
                .doesNotContain("Exception");
        if (MotoServer.installed()) {
            // The change and export tables, on moto_server: the changes made after the export, and the export as it was.
            assertThat(output)
                    .contains("| MODIFY     | CUSTOMER#linus_thompson_003   | #ORDER#O000007 | PLACED     | SHIPPED    |")
                    .contains("| REMOVE     | CUSTOMER#alan_ritchie_001     | #ORDER#O000002 | CANCELLED  | NULL       |")
                    .containsPattern("-- ddb.default.ecommerce\\$changes: 1 split, requests: GetRecords \\d+, 0.0 RCU, ")
                    .containsPattern("\\| PLACED    \\| 23     \\| 10755.470000000 \\| \\d{4}-")
                    .containsPattern("-- ddb.default.ecommerce\\$export: 4 splits, requests: GetObject \\d+, 0.0 RCU, 0 items scanned, 76 rows returned\n"
                            + "--   export time: \\d{4}-");
        }
        else {
            assertThat(output).contains("moto_server is not installed (pip install 'moto[server]'): skipping examples/ecommerce/changes-and-export.sql");
        }
    }
}
