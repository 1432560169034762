package io.github.athenaddb.local.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AthenaDialectTest
{
    @Test
    void defaultAsASchemaNameIsQuoted()
    {
        assertThat(AthenaDialect.toCalcite("SELECT * FROM ddb.default.orders"))
                .isEqualTo("SELECT * FROM ddb.\"default\".orders");
        assertThat(AthenaDialect.toCalcite("select * from DEFAULT.orders o join ddb . default . items i on o.id = i.id"))
                .isEqualTo("select * from \"default\".orders o join ddb . \"default\" . items i on o.id = i.id");
    }

    @Test
    void alreadyQuotedNamesAreUntouched()
    {
        String sql = "SELECT * FROM \"lambda:ddb\".\"default\".\"Orders\"";
        assertThat(AthenaDialect.toCalcite(sql)).isEqualTo(sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 'ddb.default.orders' FROM t",
            "SELECT 'it''s default.x' FROM t",
            "SELECT \"default.col\" FROM t",
            "SELECT x FROM t -- from ddb.default.orders\n",
            "SELECT x /* ddb.default.orders */ FROM t",
            "SELECT x FROM t /* unterminated default.x",
            "SELECT 'unterminated default.x",
    })
    void defaultInsideStringsCommentsAndQuotedNamesIsUntouched(String sql)
    {
        assertThat(AthenaDialect.toCalcite(sql)).isEqualTo(sql);
    }

    @Test
    void defaultNotNextToADotIsUntouched()
    {
        String sql = "SELECT coalesce(x, 'd') AS default_value, my_default FROM t";
        assertThat(AthenaDialect.toCalcite(sql)).isEqualTo(sql);
    }

    @Test
    void approxDistinctCallBecomesApproxCountDistinct()
    {
        assertThat(AthenaDialect.toCalcite("SELECT approx_distinct(customer) FROM t"))
                .isEqualTo("SELECT approx_count_distinct(customer) FROM t");
        assertThat(AthenaDialect.toCalcite("SELECT APPROX_DISTINCT (customer) FROM t"))
                .isEqualTo("SELECT approx_count_distinct (customer) FROM t");
    }

    @Test
    void columnNamedApproxDistinctIsUntouched()
    {
        String sql = "SELECT approx_distinct, t.approx_distinct FROM t WHERE approx_distinct > 1";
        assertThat(AthenaDialect.toCalcite(sql)).isEqualTo(sql);
    }

    @Test
    void approxDistinctInsideAStringIsUntouched()
    {
        String sql = "SELECT 'approx_distinct(x)', \"approx_distinct\"(x) FROM t";
        assertThat(AthenaDialect.toCalcite(sql)).isEqualTo(sql);
    }

    @Test
    void identifiersContainingTheKeywordsAreUntouched()
    {
        String sql = "SELECT default$1, x_approx_distinct(y), approx_distinct_2(z) FROM ddb.defaults.orders";
        assertThat(AthenaDialect.toCalcite(sql)).isEqualTo(sql);
    }

    @Test
    void emptyAndPlainStatementsPassThrough()
    {
        assertThat(AthenaDialect.toCalcite("")).isEmpty();
        assertThat(AthenaDialect.toCalcite("SELECT 1 + 2, ü FROM t")).isEqualTo("SELECT 1 + 2, ü FROM t");
    }
}
