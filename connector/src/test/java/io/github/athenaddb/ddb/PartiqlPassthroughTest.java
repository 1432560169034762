package io.github.athenaddb.ddb;

import io.github.athenaddb.ConnectorException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartiqlPassthroughTest
{
    @ParameterizedTest
    @ValueSource(strings = {"SELECT * FROM \"T\"", "  select a FROM T  ;", "SELECT * FROM \"T\" WHERE s = 'a;b'"})
    void acceptsOneSelect(String statement)
    {
        assertThat(PartiqlPassthrough.statement(Map.of(PartiqlPassthrough.QUERY, statement))).startsWithIgnoringCase("SELECT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE FROM \"T\"", "UPDATE \"T\" SET a = 1", "INSERT INTO \"T\" VALUE {'a': 1}", "SELECTED", "",
            "SELECT * FROM \"T\"; DELETE FROM \"T\""})
    void refusesEverythingElse(String statement)
    {
        assertThatThrownBy(() -> PartiqlPassthrough.statement(Map.of(PartiqlPassthrough.QUERY, statement)))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("system.query runs a single PartiQL SELECT");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SELECT * FROM \"Orders\" WHERE a = 1|Orders",
            "select * from \"Shop-Orders.v1\".\"GSI1\"|Shop-Orders.v1",
            "SELECT a FROM Orders|Orders",
            "SELECT a FROM \"We\"\"ird\"|We\"ird"})
    void findsTheTableAfterFrom(String statement, String table)
    {
        assertThat(PartiqlPassthrough.table(statement)).isEqualTo(table);
    }
}
