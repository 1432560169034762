package io.github.athenaddb.trino;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code federation.pushdown}: on unless set to false; a value that is neither fails the catalog rather than being read as one. */
class TrinoPushdownSwitchTest
{
    private static final String HANDLER = "io.github.athenaddb.DdbCompositeHandler";

    @Test
    void onByDefaultAndOffOnlyWhenFalse()
    {
        assertThat(FederationConfig.parse(Map.of("federation.handler", HANDLER)).pushdown()).isTrue();
        assertThat(FederationConfig.parse(Map.of("federation.handler", HANDLER, "federation.pushdown", "true")).pushdown()).isTrue();
        assertThat(FederationConfig.parse(Map.of("federation.handler", HANDLER, "federation.pushdown", "FALSE")).pushdown()).isFalse();
    }

    @Test
    void misspelledValueFailsTheCatalog()
    {
        assertThatThrownBy(() -> FederationConfig.parse(Map.of("federation.handler", HANDLER, "federation.pushdown", "flase")))
                .hasMessage("federation.pushdown=flase: expected true or false");
    }
}
