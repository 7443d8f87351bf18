package org.athanor.core.inspect;

/** A computed column's generation expression as the database gives it back, and whether it is stored. */
public record ComputedColumn(String sql, boolean stored) {}
