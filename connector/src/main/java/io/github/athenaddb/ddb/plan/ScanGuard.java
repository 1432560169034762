package io.github.athenaddb.ddb.plan;

import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.ddb.TableDescription;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Refuses a full Scan of a table larger than {@code scan_guard_mb}: one unfiltered query on a
 * big table can cost more read capacity than a day of the application's traffic. The message
 * names the key attributes a predicate could fix instead. The size is DynamoDB's TableSizeBytes,
 * refreshed about every six hours.
 */
public final class ScanGuard
{
    private ScanGuard() {}

    /** A Scan that stops after LIMIT items (every item read is a row) is not a full Scan. */
    public static void check(TableDescription table, ReadPlan plan, long guardBytes)
    {
        if (plan.limit().limited() && plan.limit().requestLimit()) {
            return;
        }
        check(table, plan.access(), guardBytes);
    }

    /** @param guardBytes 0 disables the guard */
    public static void check(TableDescription table, AccessPlan plan, long guardBytes)
    {
        if (guardBytes <= 0 || !(plan instanceof AccessPlan.Scan) || table.sizeBytes() <= guardBytes) {
            return;
        }
        List<String> keys = new ArrayList<>();
        keys.add(table.hashKey().name() + " (partition key)");
        for (TableDescription.Index index : table.indexes()) {
            keys.add(index.hashKey() + " (" + index.kind() + " " + index.name()
                    + index.rangeKey().map(r -> ", with a predicate on " + r + " that excludes NULL").orElse("") + ")");
        }
        throw ConnectorException.invalidInput(String.format(Locale.ROOT,
                "Refusing to Scan all of table %s (%,d MB, over scan_guard_mb=%,d): no predicate fixes a key. "
                        + "Add = or IN on %s, or raise scan_guard_mb (0 turns the guard off).",
                table.name(), table.sizeBytes() / (1024 * 1024), guardBytes / (1024 * 1024), String.join(" or ", keys)));
    }
}
