package io.github.athenaddb.ddb.table;

import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.ddb.table.CaseClashes.Column;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.FederationSourceErrorCode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CaseClashesTest
{
    @Test
    void attributesThatDifferOnlyByCaseShareOneLowerCasedColumnWhereTheFirstWouldBe()
    {
        assertThat(CaseClashes.columns(List.of("Id", "dup", "Other", "Dup"), Map.of())).containsExactly(
                new Column("Id", List.of("Id")), new Column("dup", List.of("Dup", "dup")), new Column("Other", List.of("Other")));
    }

    @Test
    void aRenamedAttributeHasItsColumnToItself()
    {
        assertThat(CaseClashes.columns(List.of("Dup", "dup"), Map.of("Dup", "dup_upper")))
                .containsExactly(new Column("dup_upper", List.of("Dup")), new Column("dup", List.of("dup")));
        // Named in columnMapping for the very column they share: the mapped one takes it.
        assertThat(CaseClashes.columns(List.of("Dup", "dup"), Map.of("dup", "dup"))).containsExactly(new Column("dup", List.of("dup")));
        // Two renames onto one column are still a clash.
        assertThat(CaseClashes.columns(List.of("A", "B"), Map.of("A", "x", "B", "x"))).containsExactly(new Column("x", List.of("A", "B")));
    }

    @Test
    void theExampleMappingKeepsTheAttributeSpelledAsTheColumn()
    {
        assertThat(CaseClashes.exampleMapping("dup", List.of("Dup", "dup"))).isEqualTo("dup_2=Dup");
        assertThat(CaseClashes.exampleMapping("userid", List.of("USERID", "UserId", "userId"))).isEqualTo("userid_2=UserId,userid_3=userId");
    }

    @Test
    void theErrorIsOneLineNamingTheAttributesAndTheFix()
    {
        ConnectorException e = CaseClashes.error("Users", "userid", List.of("USERID", "UserId", "userId"));

        assertThat(e).hasMessage("Column 'userid' of table 'Users' is ambiguous: DynamoDB attributes 'USERID', 'UserId' and 'userId' differ "
                + "only by case, and Athena lower-cases column names. To read them, give each a column of its own with the Glue table "
                + "property columnMapping, e.g. 'userid_2=UserId,userid_3=userId' (athena-local: in the --definitions file), or rename "
                + "one in DynamoDB.");
        assertThat(e.getErrorDetails().errorCode()).isEqualTo(FederationSourceErrorCode.INVALID_INPUT_EXCEPTION.toString());
    }
}
