package io.github.athenaddb.ddb;

import io.github.athenaddb.ConnectorException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.FederationSourceErrorCode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TableNamesTest
{
    @Test
    void exactNameResolvesToItself()
    {
        assertThat(TableNames.resolve("orders", List.of("Customers", "orders"))).isEqualTo("orders");
    }

    @Test
    void lowerCasedNameResolvesToTheMixedCaseTable()
    {
        assertThat(TableNames.resolve("customers", List.of("Customers", "orders"))).isEqualTo("Customers");
        assertThat(TableNames.resolve("shop-orders.v1", List.of("Shop-Orders.v1"))).isEqualTo("Shop-Orders.v1");
    }

    @Test
    void tablesDifferingOnlyByCaseAreAmbiguous()
    {
        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> TableNames.resolve("orders", List.of("orders", "Customers", "Orders")));

        assertThat(e).hasMessageContaining("'orders' is ambiguous")
                .hasMessageContaining("[Orders, orders]")
                .hasMessageContaining("differ only by case");
        assertThat(e.getErrorDetails().errorCode()).isEqualTo(FederationSourceErrorCode.INVALID_INPUT_EXCEPTION.toString());
    }

    @Test
    void unknownTableIsNotFound()
    {
        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> TableNames.resolve("no_such_table", List.of("Customers")));

        assertThat(e).hasMessageContaining("'no_such_table' not found");
        assertThat(e.getErrorDetails().errorCode()).isEqualTo(FederationSourceErrorCode.ENTITY_NOT_FOUND_EXCEPTION.toString());
    }

    @Test
    void noTablesAtAllIsNotFound()
    {
        assertThatThrownBy(() -> TableNames.resolve("orders", List.of()))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("not found");
    }
}
