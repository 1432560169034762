package io.github.athenaddb.ddb.types;

import com.amazonaws.athena.connector.lambda.data.Block;
import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.domain.predicate.ConstraintEvaluator;
import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.Range;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import com.amazonaws.athena.connector.lambda.domain.TableName;
import com.amazonaws.athena.connector.lambda.metadata.GetTableLayoutRequest;
import com.amazonaws.athena.connector.lambda.request.FederationRequest;
import com.amazonaws.athena.connector.lambda.security.FederatedIdentity;
import com.amazonaws.athena.connector.lambda.serde.VersionedObjectMapperFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.athenaddb.ddb.schema.GlueTypes;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Constraints on declared DATE, TIMESTAMP and small numeric columns, sent through the SDK's
 * JSON serde as Athena sends them, are checked against the coerced values: the SDK compares
 * DATE values as Integer days and TIMESTAMP values as LocalDateTime, which is what the coercer
 * gives.
 */
class ItemRowWriterTest
{
    private final BlockAllocatorImpl allocator = new BlockAllocatorImpl();
    private final Field due = GlueTypes.toField("due", "date");
    private final Field at = DateTimeFormats.withFormat(GlueTypes.toField("at", "timestamp"), null, "Europe/Paris");
    private final Field qty = GlueTypes.toField("qty", "tinyint");
    private final Field ratio = GlueTypes.toField("ratio", "real");
    private final Schema schema = new Schema(List.of(due, at, qty, ratio));

    @AfterEach
    void close()
    {
        allocator.close();
    }

    private static int days(String iso)
    {
        return (int) LocalDate.parse(iso).toEpochDay();
    }

    private static long millis(String iso)
    {
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static Map<String, AttributeValue> item(String due, String at, String qty, String ratio)
    {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("due", s(due));
        item.put("at", s(at));
        item.put("qty", n(qty));
        item.put("ratio", n(ratio));
        return item;
    }

    /**
     * Which of the items pass the constraints, after the constraints and the schema crossed the
     * wire in a request (the schema's field metadata, the columns' formats, with them).
     */
    private List<Integer> passing(Map<String, ValueSet> summary, List<Map<String, AttributeValue>> items)
            throws Exception
    {
        ObjectMapper wire = VersionedObjectMapperFactory.create(allocator);
        Constraints constraints = new Constraints(summary, List.of(), List.of(), Constraints.DEFAULT_NO_LIMIT, Map.of(), null);
        FederatedIdentity identity = new FederatedIdentity("arn", "account", Map.of(), List.of(), Map.of());
        GetTableLayoutRequest sent = new GetTableLayoutRequest(identity, "query", "catalog", new TableName("db", "orders"),
                constraints, schema, Set.of());
        GetTableLayoutRequest received = (GetTableLayoutRequest) wire.readValue(wire.writeValueAsString(sent), FederationRequest.class);
        assertThat(received.getSchema().findField("at").getMetadata()).containsEntry(DateTimeFormats.TIME_ZONE, "Europe/Paris");
        List<Integer> passed = new ArrayList<>();
        try (ConstraintEvaluator evaluator = new ConstraintEvaluator(allocator, received.getSchema(), received.getConstraints())) {
            ItemRowWriter writer = new ItemRowWriter(received.getSchema().getFields(), List.of("due", "at", "qty", "ratio"),
                    column -> evaluator.makeConstraintProjector(column).orElse(null));
            Block block = allocator.createBlock(received.getSchema());
            int row = 0;
            for (int i = 0; i < items.size(); i++) {
                if (writer.write(block, row, items.get(i), Misfits.IGNORE) == 1) {
                    passed.add(i);
                    row++;
                }
            }
            block.setRowCount(row);
        }
        return passed;
    }

    @Test
    void dateRangeSetPassesDaysInsideAndFailsDaysOutside()
            throws Exception
    {
        ArrowType type = due.getType();
        // due BETWEEN date '2026-10-01' AND date '2026-10-31': Athena's markers hold days since 1970.
        ValueSet october = SortedRangeSet.of(false, Range.range(allocator, type, days("2026-10-01"), true, days("2026-10-31"), true));
        List<Map<String, AttributeValue>> items = List.of(
                item("2026-10-01", "2026-10-01T00:00:00", "1", "0.5"),
                item("2026-09-30T23:00:00-02:00", "2026-10-01T00:00:00", "1", "0.5"), // 2026-10-01 at UTC
                item("2026-09-30", "2026-10-01T00:00:00", "1", "0.5"),
                item("2026-10-31 23:59:59", "2026-10-01T00:00:00", "1", "0.5"),
                item("2026-11-01", "2026-10-01T00:00:00", "1", "0.5"),
                item("not a date", "2026-10-01T00:00:00", "1", "0.5"));
        assertThat(passing(Map.of("due", october), items)).containsExactly(0, 1, 3);
    }

    @Test
    void dateEqualityBuiltFromALocalDateMatchesTheSameDay()
            throws Exception
    {
        ValueSet oneDay = SortedRangeSet.of(false, Range.equal(allocator, due.getType(), LocalDate.parse("2024-02-29")));
        List<Map<String, AttributeValue>> items = List.of(
                item("2024-02-29", "2026-10-01T00:00:00", "1", "0.5"),
                item("2024-02-28", "2026-10-01T00:00:00", "1", "0.5"),
                item("2024-03-01", "2026-10-01T00:00:00", "1", "0.5"));
        assertThat(passing(Map.of("due", oneDay), items)).containsExactly(0);
    }

    @Test
    void timestampRangeSetComparesLocalDateTimesInTheColumnsZone()
            throws Exception
    {
        ArrowType type = at.getType();
        // at >= timestamp '2026-10-03 10:00:00' AND at < timestamp '2026-10-03 12:00:00', markers in epoch millis.
        ValueSet morning = SortedRangeSet.of(false, Range.range(allocator, type,
                millis("2026-10-03T10:00:00"), true, millis("2026-10-03T12:00:00"), false));
        List<Map<String, AttributeValue>> items = List.of(
                item("2026-10-03", "2026-10-03T10:00:00", "1", "0.5"),
                item("2026-10-03", "2026-10-03T08:00:00Z", "1", "0.5"),      // 10:00 in Paris
                item("2026-10-03", "2026-10-03T09:59:59.999", "1", "0.5"),
                item("2026-10-03", "2026-10-03T11:59:59.999", "1", "0.5"),
                item("2026-10-03", "2026-10-03T12:00:00", "1", "0.5"),
                item("2026-10-03", "2026-10-03T10:30:00Z", "1", "0.5"));     // 12:30 in Paris
        assertThat(passing(Map.of("at", morning), items)).containsExactly(0, 1, 3);
    }

    @Test
    void timestampEqualityBuiltFromALocalDateTime()
            throws Exception
    {
        ValueSet exact = SortedRangeSet.of(false, Range.equal(allocator, at.getType(), LocalDateTime.parse("2026-10-03T10:15:30.123")));
        List<Map<String, AttributeValue>> items = List.of(
                item("2026-10-03", "2026-10-03 10:15:30.123", "1", "0.5"),
                item("2026-10-03", "2026-10-03 10:15:30.1239", "1", "0.5"),   // finer than a millisecond is dropped
                item("2026-10-03", "2026-10-03 10:15:30.124", "1", "0.5"));
        assertThat(passing(Map.of("at", exact), items)).containsExactly(0, 1);
    }

    @Test
    void nullAllowedRangeKeepsMisfitsAndMissingValues()
            throws Exception
    {
        ValueSet orNull = SortedRangeSet.of(true, Range.greaterThan(allocator, due.getType(), days("2026-01-01")));
        List<Map<String, AttributeValue>> items = List.of(
                item("2026-06-01", "2026-10-01T00:00:00", "1", "0.5"),
                item("2025-06-01", "2026-10-01T00:00:00", "1", "0.5"),
                item("garbage", "2026-10-01T00:00:00", "1", "0.5"));
        assertThat(passing(Map.of("due", orNull), items)).containsExactly(0, 2);
    }

    @Test
    void smallIntegerAndRealConstraintsCompareTheirOwnJavaTypes()
            throws Exception
    {
        ValueSet small = SortedRangeSet.of(false, Range.lessThan(allocator, qty.getType(), (byte) 10));
        ValueSet ratios = SortedRangeSet.of(false, Range.greaterThanOrEqual(allocator, ratio.getType(), 0.25f));
        List<Map<String, AttributeValue>> items = List.of(
                item("2026-10-03", "2026-10-03T10:00:00", "9", "0.25"),
                item("2026-10-03", "2026-10-03T10:00:00", "10", "0.5"),
                item("2026-10-03", "2026-10-03T10:00:00", "-128", "0.2"),
                item("2026-10-03", "2026-10-03T10:00:00", "127", "1"));
        assertThat(passing(Map.of("qty", small, "ratio", ratios), items)).containsExactly(0);
    }

    @Test
    void aMisfitInARenamedColumnNamesTheColumnBesideTheAttribute()
            throws Exception
    {
        Schema renamed = new Schema(List.of(GlueTypes.toField("qty", "tinyint"), GlueTypes.toField("created_at", "date")));
        List<String> reports = new ArrayList<>();
        ItemRowWriter writer = new ItemRowWriter(renamed.getFields(), List.of("Qty", "Created"), column -> null);
        try (Block block = allocator.createBlock(renamed)) {
            writer.write(block, 0, Map.of("Qty", s("many"), "Created", s("soon")), (path, problem) -> reports.add(path));
        }
        assertThat(reports).containsExactly("Qty", "Created (column created_at)");
    }
}
