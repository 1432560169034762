package io.github.athenaddb.trino;

import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.type.Type;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * A column of a federation table: its lower-cased name (what Trino and Athena send back), its
 * Trino type, and its Arrow field as the source described it in GetTable, metadata included
 * (e.g. a date's format), as JSON since handles travel between Trino nodes.
 */
public record FederationColumnHandle(String name, Type type, String arrowFieldJson)
        implements ColumnHandle
{
    public FederationColumnHandle
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(arrowFieldJson, "arrowFieldJson is null");
    }

    /** @param field lower-cased ({@link #lowerCased}), as Athena sends the schema back */
    public static FederationColumnHandle of(Field field, Type type)
    {
        return new FederationColumnHandle(field.getName(), type, new Schema(List.of(field)).toJson());
    }

    public Field arrowField()
    {
        try {
            return Schema.fromJSON(arrowFieldJson).getFields().get(0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ColumnMetadata metadata()
    {
        return new ColumnMetadata(name, type);
    }

    /** Athena lower-cases the names of the schema it sends back, nested fields too; so does this. */
    static Field lowerCased(Field field)
    {
        List<Field> children = new ArrayList<>();
        field.getChildren().forEach(child -> children.add(lowerCased(child)));
        return new Field(field.getName().toLowerCase(Locale.ROOT), field.getFieldType(), children);
    }

    /** What EXPLAIN shows for an assignment ({@code amount := amount:decimal(38,9)}): the Arrow field is the wire's business. */
    @Override
    public String toString()
    {
        return name + ":" + type.getDisplayName();
    }
}
