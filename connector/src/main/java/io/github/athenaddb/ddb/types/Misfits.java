package io.github.athenaddb.ddb.types;

/**
 * Receives values that do not fit their column. The reader turns each into a logged warning
 * naming table, item key and attribute; tests collect them.
 */
@FunctionalInterface
public interface Misfits
{
    /**
     * @param attributePath the attribute, with the path into maps and lists ({@code address.zip}, {@code tags[2]})
     * @param problem what was found and why it was not used
     */
    void report(String attributePath, String problem);

    Misfits IGNORE = (path, problem) -> {};
}
