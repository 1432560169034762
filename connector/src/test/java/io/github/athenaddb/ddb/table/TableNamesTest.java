package io.github.athenaddb.ddb.table;

import io.github.athenaddb.ConnectorException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.FederationSourceErrorCode;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TableNamesTest
{
    private static final Function<List<String>, ConnectorException> AMBIGUOUS =
            matches -> ConnectorException.invalidInput("ambiguous: " + TableNames.quoted(matches));

    @Test
    void exactNameResolvesToItself()
    {
        assertThat(TableNames.resolve("orders", List.of("Customers", "orders"), AMBIGUOUS)).isEqualTo("orders");
    }

    @Test
    void anExactSpellingWinsOverTablesThatDifferOnlyByCase()
    {
        List<String> tables = List.of("orders", "Customers", "Orders");

        assertThat(TableNames.resolve("orders", tables, AMBIGUOUS)).isEqualTo("orders");
        assertThat(TableNames.resolve("Orders", tables, AMBIGUOUS)).isEqualTo("Orders");
    }

    @Test
    void lowerCasedNameResolvesToTheMixedCaseTable()
    {
        assertThat(TableNames.resolve("customers", List.of("Customers", "orders"), AMBIGUOUS)).isEqualTo("Customers");
        assertThat(TableNames.resolve("shop-orders.v1", List.of("Shop-Orders.v1"), AMBIGUOUS)).isEqualTo("Shop-Orders.v1");
    }

    @Test
    void tablesDifferingOnlyByCaseWithoutAnExactSpellingAreAmbiguous()
    {
        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> TableNames.resolve("orders", List.of("ORDERS", "Customers", "Orders"), AMBIGUOUS));

        assertThat(e).hasMessage("ambiguous: 'ORDERS' and 'Orders'");
        assertThat(e.getErrorDetails().errorCode()).isEqualTo(FederationSourceErrorCode.INVALID_INPUT_EXCEPTION.toString());
    }

    @Test
    void quotesNamesAsAList()
    {
        assertThat(TableNames.quoted(List.of("A"))).isEqualTo("'A'");
        assertThat(TableNames.quoted(List.of("A", "a", "á"))).isEqualTo("'A', 'a' and 'á'");
    }

    @Test
    void unknownTableIsNotFound()
    {
        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> TableNames.resolve("no_such_table", List.of("Customers"), AMBIGUOUS));

        assertThat(e).hasMessageContaining("'no_such_table' not found");
        assertThat(e.getErrorDetails().errorCode()).isEqualTo(FederationSourceErrorCode.ENTITY_NOT_FOUND_EXCEPTION.toString());
    }

    @Test
    void noTablesAtAllIsNotFound()
    {
        assertThatThrownBy(() -> TableNames.resolve("orders", List.of(), AMBIGUOUS))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("not found");
    }
}
