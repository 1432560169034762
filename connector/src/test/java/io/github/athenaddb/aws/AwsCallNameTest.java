package io.github.athenaddb.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.glue.model.GetTablesRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AwsCallNameTest
{
    @Test
    void aScanNamesItsTableAndSegment()
    {
        assertThat(AwsCallName.of("DynamoDb", "Scan", ScanRequest.builder().tableName("Orders").segment(3).totalSegments(8).build()))
                .isEqualTo("DynamoDB Scan of table 'Orders' (segment 3 of 8)");
        assertThat(AwsCallName.of("DynamoDb", "Scan", ScanRequest.builder().tableName("Orders").build()))
                .isEqualTo("DynamoDB Scan of table 'Orders'");
    }

    @Test
    void aQueryNamesItsIndex()
    {
        assertThat(AwsCallName.of("DynamoDb", "Query", QueryRequest.builder().tableName("Orders").indexName("GSI1").build()))
                .isEqualTo("DynamoDB Query of table 'Orders' on index 'GSI1'");
    }

    @Test
    void aBatchNamesItsTables()
    {
        KeysAndAttributes keys = KeysAndAttributes.builder().keys(Map.of()).build();
        assertThat(AwsCallName.of("DynamoDb", "BatchGetItem", BatchGetItemRequest.builder().requestItems(Map.of("Orders", keys)).build()))
                .isEqualTo("DynamoDB BatchGetItem of table 'Orders'");
    }

    @Test
    void callsOnNothingInParticularAreServiceAndOperation()
    {
        assertThat(AwsCallName.of("DynamoDb", "ListTables", ListTablesRequest.builder().build())).isEqualTo("DynamoDB ListTables");
        assertThat(AwsCallName.of("DynamoDb", "ExecuteStatement", ExecuteStatementRequest.builder().statement("SELECT 1").build()))
                .isEqualTo("DynamoDB ExecuteStatement");
        assertThat(AwsCallName.of("Kms", "GenerateDataKey", GenerateDataKeyRequest.builder().keyId("k").build()))
                .isEqualTo("KMS GenerateDataKey");
    }

    @Test
    void otherServicesNameWhatTheCallIsOn()
    {
        assertThat(AwsCallName.of("S3", "PutObject", PutObjectRequest.builder().bucket("spill").key("q1/0").build()))
                .isEqualTo("S3 PutObject of s3://spill/q1/0");
        assertThat(AwsCallName.of("Glue", "GetTables", GetTablesRequest.builder().databaseName("shop").build()))
                .isEqualTo("Glue GetTables of database 'shop'");
        assertThat(AwsCallName.of("SecretsManager", "GetSecretValue", GetSecretValueRequest.builder().secretId("shop-db").build()))
                .isEqualTo("Secrets Manager GetSecretValue of secret 'shop-db'");
    }
}
