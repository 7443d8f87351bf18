package org.athanor.core.schema;

/**
 * What {@link MetaData#createAll} and {@link MetaData#dropAll} run against (SQLAlchemy's {@code bind}):
 * an {@code Engine}. Declared here so that the schema does not depend on the engine.
 */
public interface DdlTarget {
    /** CREATE SEQUENCE / TABLE / INDEX for {@code metadata}, parents first, in one transaction where the database allows. */
    void createAll(MetaData metadata, boolean ifNotExists);

    /** DROP TABLE / SEQUENCE for {@code metadata}, children first. */
    void dropAll(MetaData metadata, boolean ifExists);
}
