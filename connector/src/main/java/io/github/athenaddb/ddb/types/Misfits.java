package io.github.athenaddb.ddb.types;

/**
 * Receives values that do not fit their column. The reader turns each into a logged warning
 * naming table, item key and attribute; tests collect them. {@link StrictMisfits} fails the
 * query instead.
 */
@FunctionalInterface
public interface Misfits
{
    /**
     * A value that does not fit: the column reads NULL.
     *
     * @param attributePath the attribute, with the path into maps and lists ({@code address.zip}, {@code tags[2]})
     * @param problem what was found and why it was not used
     */
    void report(String attributePath, String problem);

    /**
     * A value that was changed to fit, as documented (a DECIMAL rounded to the column's scale):
     * the column reads the changed value. Reported like a misfit unless an implementation says
     * otherwise; {@link StrictMisfits} lets it through.
     */
    default void adjusted(String attributePath, String problem)
    {
        report(attributePath, problem);
    }

    Misfits IGNORE = (path, problem) -> {};
}
