package io.github.athenaddb.ddb.glue;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GlueTableKindTest
{
    @Test
    void classificationDecidesWhereverTheCrawlerPutIt()
    {
        assertThat(kind(Map.of("classification", "dynamodb"), null, Map.of())).isTrue();
        assertThat(kind(Map.of(), null, Map.of("classification", "DynamoDB"))).isTrue();
        assertThat(kind(Map.of("classification", "parquet"), "arn:aws:dynamodb:us-east-1:123456789012:table/T", Map.of())).isFalse();
        assertThat(kind(Map.of("classification", "csv", "sourceTable", "T"), null, Map.of())).as("classification before properties").isFalse();
    }

    @Test
    void withoutAClassificationOurPropertiesOrADynamoDbLocationMakeItOurs()
    {
        assertThat(kind(Map.of("sourceTable", "T"), "s3://lake/t/", Map.of())).isTrue();
        assertThat(kind(Map.of("EntityType", "Type=Order"), null, Map.of())).isTrue();
        assertThat(kind(Map.of(), "arn:aws:dynamodb:us-east-1:123456789012:table/T", Map.of())).isTrue();
        assertThat(kind(Map.of("owner", "me"), "s3://lake/t/", Map.of())).isFalse();
        assertThat(kind(Map.of(), null, Map.of())).as("columns only: this connector's own definitions").isTrue();
    }

    @Test
    void theReasonSaysWhyATableIsLeftOut()
    {
        Table s3 = Table.builder().name("t").storageDescriptor(StorageDescriptor.builder().location("s3://lake/t/").build()).build();
        assertThat(GlueTableKind.of(s3).reason()).startsWith("its location 's3://lake/t/' is not a DynamoDB table");
    }

    private static boolean kind(Map<String, String> parameters, String location, Map<String, String> descriptorParameters)
    {
        return GlueTableKind.of(Table.builder().name("t").parameters(parameters)
                .storageDescriptor(StorageDescriptor.builder().location(location).parameters(descriptorParameters).build()).build()).dynamoDb();
    }
}
