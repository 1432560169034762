package io.github.athenaddb.ddb.plan;

import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.ddb.table.TableDescription;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses a full Scan of a table larger than {@code scan_guard_mb}: one unfiltered query on a
 * big table can cost more read capacity than a day of the application's traffic. The message
 * gives the planner's reason for the Scan and what would avoid it: the key attributes a predicate
 * could fix, or, when the query fixes one to more values than {@code max_key_lookups} allows,
 * fewer values or a higher limit. The size is DynamoDB's TableSizeBytes, refreshed about every
 * six hours.
 */
public final class ScanGuard
{
    private ScanGuard() {}

    /**
     * A Scan that stops after LIMIT items (every item read is a row) is not a full Scan. A top-N over
     * a sparse index may Scan for the items the index lacks (when it holds fewer than N matching
     * ones): that Scan is checked as one.
     */
    public static void check(TableDescription table, ReadPlan plan, long guardBytes)
    {
        Optional<AccessPlan> missing = plan.access().match(get -> Optional.empty(), queries -> queries.missing().map(MissingSortKeys::read),
                scan -> Optional.empty());
        if (missing.isPresent()) {
            check(table, missing.get(), guardBytes);
            return;
        }
        if (plan.limit().limited() && plan.limit().requestLimit()) {
            return;
        }
        check(table, plan.access(), guardBytes);
    }

    /** @param guardBytes 0 disables the guard */
    public static void check(TableDescription table, AccessPlan plan, long guardBytes)
    {
        if (guardBytes > 0 && table.sizeBytes() > guardBytes) {
            // Only a Scan reads the whole table; key lookups and Queries read what their keys select.
            plan.<Optional<AccessPlan.Scan>>match(get -> Optional.empty(), queries -> Optional.empty(), Optional::of)
                    .ifPresent(scan -> refuse(table, scan, guardBytes));
        }
    }

    private static void refuse(TableDescription table, AccessPlan.Scan scan, long guardBytes)
    {
        String refusing = String.format(Locale.ROOT, "Refusing to Scan all of table %s (%,d MB, over scan_guard_mb=%,d): %s. ",
                table.name(), table.sizeBytes() / (1024 * 1024), guardBytes / (1024 * 1024), why(scan));
        if (scan.keyLookups().isPresent()) {
            // The query already fixes a key: what stands in the way is max_key_lookups, not a missing predicate.
            throw ConnectorException.invalidInput(refusing + String.format(Locale.ROOT,
                    "Use fewer values, set max_key_lookups to %d or more, or raise scan_guard_mb (0 turns the guard off).",
                    scan.keyLookups().getAsInt()));
        }
        List<String> keys = new ArrayList<>();
        keys.add(table.hashKey().name() + " (partition key)");
        for (TableDescription.Index index : table.indexes()) {
            keys.add(index.hashKey() + " (" + index.kind() + " " + index.name()
                    + index.rangeKey().map(r -> ", with a predicate on " + r + " that excludes NULL").orElse("") + ")");
        }
        throw ConnectorException.invalidInput(refusing + "Add = or IN on " + String.join(" or ", keys)
                + ", or raise scan_guard_mb (0 turns the guard off).");
    }

    /** The planner's reason, without its "Scan: " heading. */
    private static String why(AccessPlan.Scan scan)
    {
        return scan.reason().startsWith("Scan: ") ? scan.reason().substring("Scan: ".length()) : scan.reason();
    }
}
