package io.github.athenaddb.trino;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrinoFederationConfigTest
{
    @Test
    void handlerWithItsSettings()
    {
        FederationConfig config = FederationConfig.parse(Map.of(
                "federation.handler", "io.github.athenaddb.DdbCompositeHandler",
                "federation.config.dynamodb_endpoint", "http://127.0.0.1:8000",
                "federation.catalog", "ddb"));

        assertThat(config.endpoint()).isEqualTo(new FederationEndpoint.InProcessHandler("io.github.athenaddb.DdbCompositeHandler"));
        assertThat(config.handlerConfig()).containsExactly(Map.entry("dynamodb_endpoint", "http://127.0.0.1:8000"));
        assertThat(config.sourceCatalog()).isEqualTo(Optional.of("ddb"));
    }

    @Test
    void misspelledPropertyFailsTheCatalog()
    {
        assertThatThrownBy(() -> FederationConfig.parse(Map.of("federation.handler", "x", "federation.confg.region", "us-east-1")))
                .hasMessageStartingWith("Unknown catalog properties [federation.confg.region]");
    }

    @Test
    void exactlyOneSource()
    {
        assertThatThrownBy(() -> FederationConfig.parse(Map.of()))
                .hasMessageContaining("Set exactly one of federation.handler");
        assertThatThrownBy(() -> FederationConfig.parse(Map.of("federation.handler", "x", "federation.lambda-function", "f")))
                .hasMessageContaining("Set exactly one of federation.handler");
    }

    @Test
    void lambdaFunctionWithItsEndpointAndRegion()
    {
        FederationConfig config = FederationConfig.parse(Map.of(
                "federation.lambda-function", "arn:aws:lambda:us-east-1:123456789012:function:ddb",
                "federation.lambda-endpoint", "http://127.0.0.1:9001",
                "federation.s3-endpoint", "http://127.0.0.1:5000",
                "federation.region", "eu-west-1"));

        AwsSettings aws = new AwsSettings(Optional.of("eu-west-1"), Optional.of(URI.create("http://127.0.0.1:9001")),
                Optional.of(URI.create("http://127.0.0.1:5000")));
        assertThat(config.endpoint()).isEqualTo(new FederationEndpoint.LambdaFunction("arn:aws:lambda:us-east-1:123456789012:function:ddb", aws));
        assertThat(config.aws()).isEqualTo(aws);
        assertThat(config.readSizes()).isEqualTo(ReadSizes.LAMBDA);
    }

    @Test
    void aLambdaFunctionTakesNoHandlerSettings()
    {
        assertThatThrownBy(() -> FederationConfig.parse(Map.of("federation.lambda-function", "ddb", "federation.config.spill_bucket", "b")))
                .hasMessageContaining("the Lambda function ddb has its own (set in Lambda): remove [spill_bucket]");
    }

    @Test
    void badEndpointAndInlineSizeAreRefused()
    {
        assertThatThrownBy(() -> FederationConfig.parse(Map.of("federation.lambda-function", "ddb", "federation.lambda-endpoint", "localhost")))
                .hasMessageStartingWith("federation.lambda-endpoint='localhost' is not an endpoint URL");
        assertThatThrownBy(() -> FederationConfig.parse(Map.of("federation.handler", "x", "federation.max-inline-block-size", "1MB")))
                .hasMessage("federation.max-inline-block-size='1MB': expected a positive number of bytes");
        assertThat(FederationConfig.parse(Map.of("federation.handler", "x", "federation.max-inline-block-size", "1024")).readSizes())
                .isEqualTo(new ReadSizes(1024, 1024));
    }

    @Test
    void handlerClassMustExistAndBeALambdaHandler()
    {
        assertThatThrownBy(() -> new FederationEndpoint.InProcessHandler("no.such.Handler").open(Map.of()))
                .hasMessage("federation.handler=no.such.Handler: no such class on the plugin's classpath");
        assertThatThrownBy(() -> new FederationEndpoint.InProcessHandler("java.lang.String").open(Map.of()))
                .hasMessage("federation.handler=java.lang.String is not a Lambda RequestStreamHandler");
    }

    @Test
    void handlerRefusingItsSettingsSaysWhy()
    {
        assertThatThrownBy(() -> new FederationEndpoint.InProcessHandler(RecordingDdbHandler.class.getName())
                .open(Map.of("complex_columns", "flat")))
                .hasMessageContaining("complex_columns='flat'");
    }
}
