package org.athanor.orm.mapping.model;

/** A value stored through {@link MoneyConverter} as a number of cents. */
public record Money(long cents) {}
