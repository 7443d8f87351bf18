package org.athanor.core.schema;

import java.util.Collection;

/**
 * What {@link MetaData#reflect} reads a schema from: an {@code Engine}, or an open {@code Connection}
 * (an in-memory SQLite database has only one). Declared here so that the schema does not depend on the
 * engine or on inspection.
 */
public interface ReflectionSource {
    /**
     * Untyped tables for the tables of {@code schema} (null: the current one), or only the named
     * {@code tables} (null: all), with their columns, keys, indexes and unique constraints.
     */
    MetaData reflect(String schema, Collection<String> tables);
}
