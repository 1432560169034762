package io.github.athenaddb.ddb.types;

import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.ddb.schema.GlueTypes;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.m;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictMisfitsTest
{
    private final List<String> adjusted = new ArrayList<>();
    private final StrictMisfits strict = new StrictMisfits("orders", List.of("customer", "order_no"),
            new Misfits()
            {
                @Override
                public void report(String attributePath, String problem)
                {
                    throw new AssertionError("only adjusted values should get here");
                }

                @Override
                public void adjusted(String attributePath, String problem)
                {
                    adjusted.add(attributePath + ": " + problem);
                }
            });

    @Test
    void misfitFailsTheQueryNamingTableKeyAndAttributePath()
    {
        strict.setItem(Map.of("customer", s("C-7"), "order_no", n("42"), "address", m(Map.of("zip", s("F-69001")))));
        Field profile = GlueTypes.toField("address", "struct<zip:int>");
        assertThatThrownBy(() -> ValueCoercer.coerce(profile, m(Map.of("zip", s("F-69001"))), "address", strict))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("Table orders, item {customer=C-7, order_no=42}, attribute address.zip: S 'F-69001' does not fit a INTEGER column."
                        + " Strict typing is on, so a value that does not fit its column fails the query instead of reading as NULL.");
    }

    @Test
    void missingKeyAttributeIsShownAsAQuestionMark()
    {
        strict.setItem(Map.of("customer", s("C-7")));
        assertThatThrownBy(() -> strict.report("qty", "N '4.5' is not a 64-bit integer (column is BIGINT); read as null"))
                .hasMessageStartingWith("Table orders, item {customer=C-7, order_no=?}, attribute qty: N '4.5' is not a 64-bit integer (column is BIGINT).");
    }

    @Test
    void roundedDecimalIsKeptAndPassedOnAsAdjusted()
    {
        strict.setItem(Map.of("customer", s("C-7"), "order_no", n("42")));
        Object read = ValueCoercer.coerce(GlueTypes.toField("price", "decimal(10,2)"), n("9.999"), "price", strict);
        assertThat(read).isEqualTo(new BigDecimal("10.00"));
        assertThat(adjusted).singleElement().asString().startsWith("price: number N '9.999' rounded half-even");
    }

    @Test
    void nullAndFittingValuesDoNotFail()
    {
        Field field = GlueTypes.toField("qty", "smallint");
        assertThat(ValueCoercer.coerce(field, AttributeValue.fromNul(true), "qty", strict)).isNull();
        assertThat(ValueCoercer.coerce(field, null, "qty", strict)).isNull();
        assertThat(ValueCoercer.coerce(field, n("12"), "qty", strict)).isEqualTo((short) 12);
    }

    @Test
    void plainMisfitsReportAdjustedValuesAsMisfits()
    {
        List<String> reports = new ArrayList<>();
        Misfits plain = (path, problem) -> reports.add(path);
        plain.adjusted("price", "rounded");
        assertThat(reports).containsExactly("price");
    }
}
