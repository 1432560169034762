package io.github.athenaddb.ddb.glue;

import io.github.athenaddb.testing.Stderr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AccessDeniedException;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.GetDatabasesRequest;
import software.amazon.awssdk.services.glue.model.GetTablesRequest;
import software.amazon.awssdk.services.glue.model.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class CatalogSourceTest
{
    @Test
    void glueThatDeniesAccessMeansNoOverridesAndAWarningThatSaysWhy()
    {
        GlueClient glue = mock(GlueClient.class);
        when(glue.getDatabasesPaginator(any(GetDatabasesRequest.class)))
                .thenThrow(AccessDeniedException.builder().message("User is not authorized to perform glue:GetDatabases").build());
        GlueApiCatalog catalog = new GlueApiCatalog(glue, Optional.empty(), Duration.ofMinutes(5), Clock.systemUTC());

        String log = Stderr.of(() -> assertThat(catalog.databases()).isEmpty());

        assertThat(log).contains("Glue Data Catalog not readable (AccessDeniedException: User is not authorized to perform glue:GetDatabases)")
                .contains("tables are in schema 'default' with inferred columns");
        assertThat(catalog.tables("shop")).isEmpty();
    }

    @Test
    void databasesAreMarkedByParameterOrByTheOfficialFlag()
    {
        assertThat(GlueApiCatalog.marked(Database.builder().name("a").parameters(Map.of("athena_ddb", "TRUE")).build())).isTrue();
        assertThat(GlueApiCatalog.marked(Database.builder().name("b").locationUri("dynamo-db-flag").build())).isTrue();
        assertThat(GlueApiCatalog.marked(Database.builder().name("c").description("tables of dynamo-db-flag").build())).isTrue();
        assertThat(GlueApiCatalog.marked(Database.builder().name("d").parameters(Map.of("athena_ddb", "false")).build())).isFalse();
        assertThat(GlueApiCatalog.marked(Database.builder().name("e").build())).isFalse();
    }

    @Test
    void glueIsAskedOncePerTimeToLive()
    {
        GlueClient glue = mock(GlueClient.class, org.mockito.Answers.RETURNS_DEEP_STUBS);
        when(glue.getDatabasesPaginator(any(GetDatabasesRequest.class)).stream())
                .thenAnswer(inv -> java.util.stream.Stream.of(software.amazon.awssdk.services.glue.model.GetDatabasesResponse.builder()
                        .databaseList(Database.builder().name("shop").parameters(Map.of("athena_ddb", "true")).build()).build()));
        java.util.concurrent.atomic.AtomicInteger tableCalls = new java.util.concurrent.atomic.AtomicInteger();
        when(glue.getTablesPaginator(any(GetTablesRequest.class)).stream())
                .thenAnswer(inv -> tableCalls.incrementAndGet() > 0 ? java.util.stream.Stream.of(software.amazon.awssdk.services.glue.model.GetTablesResponse.builder()
                        .tableList(Table.builder().name("Orders").build()).build()) : null);
        GlueApiCatalog catalog = new GlueApiCatalog(glue, Optional.of("123456789012"), Duration.ofMinutes(5), Clock.systemUTC());

        assertThat(catalog.table("SHOP", "orders")).map(Table::name).contains("Orders");
        assertThat(catalog.table("shop", "orders")).isPresent();
        assertThat(catalog.databases()).containsExactly("shop");

        assertThat(tableCalls).hasValue(1);
    }

    @Test
    void aDefinitionsFileInGluesShapeGivesTheSameModel(@TempDir Path dir)
            throws Exception
    {
        Path file = dir.resolve("tables.json");
        Files.writeString(file, """
                {"Databases": [{"Name": "shop", "Tables": [
                  {"Name": "orders", "Parameters": {"sourceTable": "Ecommerce", "entityType": "Type=Order"},
                   "StorageDescriptor": {"Columns": [{"Name": "OrderId", "Type": "string"}, {"Name": "amount", "Type": "decimal(10,2)"}]}}]}]}
                """);

        DefinitionsFile definitions = DefinitionsFile.read(file);
        TableOverride orders = TableOverride.parse("shop", definitions.table("shop", "ORDERS").orElseThrow());

        assertThat(definitions.databases()).containsExactly("shop");
        assertThat(orders.source()).isEqualTo("Ecommerce");
        assertThat(orders.columns()).extracting(f -> f.getName()).containsExactly("orderid", "amount");
        assertThat(orders.entity()).map(Object::toString).contains("Type = 'Order'");
    }

    @Test
    void aDefinitionsFileWithoutNamesSaysWhere(@TempDir Path dir)
            throws Exception
    {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"Databases\": [{\"Name\": \"shop\", \"Tables\": [{\"Parameters\": {}}]}]}");
        assertThatThrownBy(() -> DefinitionsFile.read(file)).hasMessageContaining("database shop: a table has no \"Name\"");
        Files.writeString(file, "{not json");
        assertThatThrownBy(() -> DefinitionsFile.read(file)).hasMessageContaining("Cannot read table definitions");
    }

    @Test
    void glueIsOffLocallyUnlessAnEndpointOrAFileIsGiven(@TempDir Path dir)
            throws Exception
    {
        assertThat(GlueConfig.fromMap(Map.of()).mode()).isEqualTo(GlueConfig.Mode.OFF);
        assertThat(GlueConfig.fromMap(Map.of("AWS_LAMBDA_FUNCTION_NAME", "f")).mode()).isEqualTo(GlueConfig.Mode.API);
        assertThat(GlueConfig.fromMap(Map.of("AWS_LAMBDA_FUNCTION_NAME", "f", "disable_glue", "TRUE")).mode()).isEqualTo(GlueConfig.Mode.OFF);
        assertThat(GlueConfig.fromMap(Map.of("disable_glue", "false")).mode()).as("told to, even locally").isEqualTo(GlueConfig.Mode.API);
        assertThat(GlueConfig.fromMap(Map.of("glue_endpoint", "http://127.0.0.1:5000")).mode()).isEqualTo(GlueConfig.Mode.API);
        Path file = Files.writeString(dir.resolve("t.json"), "{\"Databases\": []}");
        assertThat(GlueConfig.fromMap(Map.of("glue_definitions_file", file.toString())).mode()).isEqualTo(GlueConfig.Mode.FILE);
        assertThatThrownBy(() -> GlueConfig.fromMap(Map.of("glue_definitions_file", dir.resolve("none.json").toString())))
                .hasMessageContaining("glue_definitions_file").hasMessageContaining("no such file");
        assertThatThrownBy(() -> GlueConfig.fromMap(Map.of("disable_glue", "yes"))).hasMessageContaining("expected true or false");
        assertThatThrownBy(() -> GlueConfig.fromMap(Map.of("glue_endpoint", "localhost:5000"))).hasMessageContaining("http(s) URL");
    }

    @Test
    void glueCatalogIsTheCatalogsAccountIdAsForTheOfficialConnector()
    {
        GlueConfig crossAccount = GlueConfig.fromMap(Map.of("AWS_LAMBDA_FUNCTION_NAME", "f", "glue_catalog", "222222222222"));
        assertThat(crossAccount.mode()).isEqualTo(GlueConfig.Mode.API);
        assertThat(crossAccount.catalogId()).contains("222222222222");
        assertThatThrownBy(() -> GlueConfig.fromMap(Map.of("glue_catalog", "maybe")))
                .hasMessage("Invalid configuration glue_catalog='maybe': expected the account id (12 digits) of the Glue Data Catalog to read; "
                        + "to turn Glue off, set disable_glue=true");
        assertThatThrownBy(() -> GlueConfig.fromMap(Map.of("glue_catalog_id", "222222222222")))
                .hasMessage("Invalid configuration glue_catalog_id='222222222222': renamed glue_catalog, as the official connector names it");
    }

    @Test
    void theEarlierGlueCatalogOnOffIsStillReadWithAWarning()
    {
        String stderr = Stderr.of(() -> assertThat(GlueConfig.fromMap(Map.of("AWS_LAMBDA_FUNCTION_NAME", "f", "glue_catalog", "false")).mode())
                .isEqualTo(GlueConfig.Mode.OFF));
        assertThat(stderr).contains("glue_catalog=false is read as disable_glue=true");
        assertThat(GlueConfig.fromMap(Map.of("glue_catalog", "true")).mode()).isEqualTo(GlueConfig.Mode.API);
        assertThatThrownBy(() -> GlueConfig.fromMap(Map.of("glue_catalog", "true", "disable_glue", "true"))).hasMessageContaining("set only disable_glue");
    }
}
