package org.athanor.examples.readme;

/** A read-only projection: record components match attribute names. */
public record NameAge(String name, Integer age) {}
