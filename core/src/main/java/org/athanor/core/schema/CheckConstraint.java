package org.athanor.core.schema;

/** {@code [CONSTRAINT name] CHECK (sql)}. */
public record CheckConstraint(String name, String sql) {}
