package io.github.athenaddb.jdbc;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TablePageTest
{
    private static final List<String> NAMES = List.of("a", "b", "c", "d", "e");

    @Test
    void unlimitedIsEveryNameWithoutAToken()
    {
        assertThat(TablePage.of(NAMES, null, -1)).isEqualTo(new TablePage(NAMES, null));
    }

    @Test
    void pagesFollowEachOtherToTheLast()
    {
        TablePage first = TablePage.of(NAMES, null, 2);
        assertThat(first).isEqualTo(new TablePage(List.of("a", "b"), "b"));
        TablePage second = TablePage.of(NAMES, first.nextToken(), 2);
        assertThat(second).isEqualTo(new TablePage(List.of("c", "d"), "d"));
        assertThat(TablePage.of(NAMES, second.nextToken(), 2)).isEqualTo(new TablePage(List.of("e"), null));
    }

    @Test
    void aTokenOfADroppedTableStillContinuesAfterIt()
    {
        assertThat(TablePage.of(List.of("a", "c", "d"), "b", 10)).isEqualTo(new TablePage(List.of("c", "d"), null));
    }
}
