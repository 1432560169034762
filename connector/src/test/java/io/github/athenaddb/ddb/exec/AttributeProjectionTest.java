package io.github.athenaddb.ddb.exec;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttributeProjectionTest
{
    @Test
    void everyAttributeGoesThroughAPlaceholder()
    {
        AttributeProjection projection = AttributeProjection.of(List.of("CustomerId", "Total"));

        assertThat(projection.expression()).isEqualTo("#p0, #p1");
        assertThat(projection.names()).isEqualTo(Map.of("#p0", "CustomerId", "#p1", "Total"));
    }

    @Test
    void duplicateAttributesAreProjectedOnce()
    {
        AttributeProjection projection = AttributeProjection.of(List.of("pk", "Total", "pk"));

        assertThat(projection.expression()).isEqualTo("#p0, #p1");
        assertThat(projection.names()).isEqualTo(Map.of("#p0", "pk", "#p1", "Total"));
    }

    @Test
    void hostileNamesNeverAppearInTheExpression()
    {
        List<String> hostile = List.of("a, b", "#x", ":v", "status", "a.b", "size", "na-me", "naïve ☃ 名前", "a[0]");

        AttributeProjection projection = AttributeProjection.of(hostile);

        assertThat(projection.expression()).matches("#p\\d+(, #p\\d+)*");
        assertThat(projection.expression().split(", ")).hasSize(hostile.size());
        assertThat(projection.names().values()).containsExactlyInAnyOrderElementsOf(hostile);
        for (String name : hostile) {
            assertThat(projection.expression()).doesNotContain(name);
        }
    }

    @Test
    void everyPlaceholderInTheExpressionIsDefined()
    {
        AttributeProjection projection = AttributeProjection.of(List.of("a", "b", "c"));

        assertThat(projection.names().keySet()).containsExactlyInAnyOrder(projection.expression().split(", "));
    }

    @Test
    void noAttributesGiveAnEmptyProjection()
    {
        AttributeProjection projection = AttributeProjection.of(List.of());

        assertThat(projection.expression()).isEmpty();
        assertThat(projection.names()).isEmpty();
    }

    @Test
    void namesCannotBeChangedAfterwards()
    {
        AttributeProjection projection = AttributeProjection.of(List.of("a"));

        assertThatThrownBy(() -> projection.names().put("#p1", "b")).isInstanceOf(UnsupportedOperationException.class);
    }
}
