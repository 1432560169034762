package io.github.athenaddb.local;

import io.github.athenaddb.local.engine.QueryResult;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResultFormatTest
{
    @Test
    void csvHasAHeaderRowAndCrlfLineEnds()
    {
        String csv = print(ResultFormat.CSV, result(List.of("id", "name"), row(1L, "Ada"), row(2L, "Grace")));
        assertThat(csv).isEqualTo("id,name\r\n1,Ada\r\n2,Grace\r\n");
    }

    @Test
    void csvQuotesFieldsWithCommasQuotesAndLineBreaksAndDoublesQuotes()
    {
        String csv = print(ResultFormat.CSV, result(List.of("a", "b", "c", "d"),
                row("Smith, Jr", "say \"hi\"", "line1\nline2", "cr\rhere")));
        assertThat(csv).isEqualTo("a,b,c,d\r\n\"Smith, Jr\",\"say \"\"hi\"\"\",\"line1\nline2\",\"cr\rhere\"\r\n");
    }

    @Test
    void csvQuotesHeaderNamesThatNeedIt()
    {
        String csv = print(ResultFormat.CSV, result(List.of("sum(a, b)", "x"), row(1L, 2L)));
        assertThat(csv).isEqualTo("\"sum(a, b)\",x\r\n1,2\r\n");
    }

    @Test
    void csvWritesNullAsAnEmptyFieldAndEmptyStringAsQuotes()
    {
        String csv = print(ResultFormat.CSV, result(List.of("a", "b", "c"), row(null, "", null)));
        assertThat(csv).isEqualTo("a,b,c\r\n,\"\",\r\n");
    }

    @Test
    void csvWritesDecimalsInPlainNotation()
    {
        String csv = print(ResultFormat.CSV, result(List.of("a", "b", "c", "d"),
                row(new BigDecimal("1E+3"), new BigDecimal("89.500000000"), new BigDecimal("1E-10"), new BigDecimal("0E-9"))));
        assertThat(csv).isEqualTo("a,b,c,d\r\n1000,89.500000000,0.0000000001,0.000000000\r\n");
    }

    @Test
    void csvWritesListsAndRowsAsJson()
    {
        String csv = print(ResultFormat.CSV, result(List.of("tags", "address", "one"),
                row(List.of("books", "music"), Arrays.asList("Berlin", null), List.of(7L))));
        assertThat(csv).isEqualTo("tags,address,one\r\n\"[\"\"books\"\",\"\"music\"\"]\",\"[\"\"Berlin\"\",null]\",[7]\r\n");
    }

    @Test
    void csvWritesBooleansAndDatesAsText()
    {
        String csv = print(ResultFormat.CSV, result(List.of("flag", "day"), row(true, Date.valueOf("2026-10-01"))));
        assertThat(csv).isEqualTo("flag,day\r\ntrue,2026-10-01\r\n");
    }

    @Test
    void csvWritesBinaryAsBareBase64()
    {
        String csv = print(ResultFormat.CSV, result(List.of("raw", "bytes"), row(new byte[] {1, 2, 3}, new byte[] {-1})));
        assertThat(csv).isEqualTo("raw,bytes\r\nAQID,/w==\r\n");
    }

    @Test
    void csvOfAnEmptyResultIsTheHeaderOnly()
    {
        assertThat(print(ResultFormat.CSV, result(List.of("a", "b")))).isEqualTo("a,b\r\n");
    }

    @Test
    void jsonWritesOneObjectPerRowInColumnOrder()
    {
        String json = print(ResultFormat.JSON, result(List.of("id", "name", "flag"), row(1L, "Ada", true), row(2L, null, false)));
        assertThat(json.split("\\R")).containsExactly(
                "{\"id\":1,\"name\":\"Ada\",\"flag\":true}",
                "{\"id\":2,\"name\":null,\"flag\":false}");
    }

    @Test
    void jsonWritesDecimalsAsExactPlainNumbers()
    {
        String json = print(ResultFormat.JSON, result(List.of("a", "b", "c", "d"),
                row(new BigDecimal("89.500000000"), new BigDecimal("1E+3"), new BigDecimal("12345678901234567890.123456789"), 1.5d)));
        assertThat(json.strip()).isEqualTo("{\"a\":89.500000000,\"b\":1000,\"c\":12345678901234567890.123456789,\"d\":1.5}");
    }

    @Test
    void jsonNestsListsAndMaps()
    {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("city", "Berlin");
        address.put("zip", null);
        address.put("codes", List.of(1L, 2L));
        String json = print(ResultFormat.JSON, result(List.of("tags", "address"),
                row(List.of("a", List.of("b")), address)));
        assertThat(json.strip()).isEqualTo("{\"tags\":[\"a\",[\"b\"]],\"address\":{\"city\":\"Berlin\",\"zip\":null,\"codes\":[1,2]}}");
    }

    @Test
    void jsonWritesBinaryAsBase64Strings()
    {
        String json = print(ResultFormat.JSON, result(List.of("bytes", "raw"), row(new byte[] {1, 2, 3}, new byte[] {-1})));
        assertThat(json.strip()).isEqualTo("{\"bytes\":\"AQID\",\"raw\":\"/w==\"}");
    }

    @Test
    void jsonEscapesStrings()
    {
        String json = print(ResultFormat.JSON, result(List.of("s"), row("say \"hi\"\nü")));
        assertThat(json.strip()).isEqualTo("{\"s\":\"say \\\"hi\\\"\\nü\"}");
    }

    @Test
    void jsonOfAnEmptyResultPrintsNothing()
    {
        assertThat(print(ResultFormat.JSON, result(List.of("a")))).isEmpty();
    }

    @Test
    void tablePrintsNullForNullsAndAlignsColumns()
    {
        String table = print(ResultFormat.TABLE, result(List.of("id", "note"), row(1L, null), row(22L, "hello")));
        assertThat(table.split("\\R")).containsExactly(
                "| id | note  |",
                "|----|-------|",
                "| 1  | NULL  |",
                "| 22 | hello |");
    }

    @Test
    void tableShowsDecimalsPlainListsAsJsonAndBinaryAsBase64()
    {
        String table = print(ResultFormat.TABLE, result(List.of("amount", "tags", "raw"),
                row(new BigDecimal("1E+3"), List.of("x", "y"), new byte[] {1, 2, 3})));
        assertThat(table.split("\\R")[2]).isEqualTo("| 1000   | [\"x\",\"y\"] | AQID |");
    }

    private static String print(ResultFormat format, QueryResult result)
    {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        format.print(result, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @SafeVarargs
    private static QueryResult result(List<String> columns, List<Object>... rows)
    {
        List<String> types = columns.stream().map(c -> "varchar").toList();
        return new QueryResult(columns, types, List.of(rows), 0, List.of());
    }

    private static List<Object> row(Object... values)
    {
        return Arrays.asList(values);
    }
}
