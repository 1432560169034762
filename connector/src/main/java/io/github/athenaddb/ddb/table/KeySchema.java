package io.github.athenaddb.ddb.table;

import io.github.athenaddb.ddb.table.TableDescription.KeyAttribute;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The primary key of a table or of an index, with each attribute's scalar type: what a Query
 * keys on, what a filter may not name, and what orders a Query's items.
 */
public record KeySchema(KeyAttribute hash, Optional<KeyAttribute> range)
{
    public KeySchema
    {
        requireNonNull(hash, "hash is null");
        requireNonNull(range, "range is null");
    }

    /** The hash key, then the range key when there is one. */
    public List<KeyAttribute> attributes()
    {
        List<KeyAttribute> keys = new ArrayList<>();
        keys.add(hash);
        range.ifPresent(keys::add);
        return keys;
    }

    public List<String> names()
    {
        return attributes().stream().map(KeyAttribute::name).toList();
    }
}
