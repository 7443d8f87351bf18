package org.athanor.orm.rules.check;

/**
 * A mapping mistake a check found: where ({@code at}, the class, field or method to report it on),
 * the field label of the message ({@code field}, e.g. "id" or "key.lineNo"; null for the class) and the
 * message after the "Class" or "Class.field: " prefix, which each side adds in its own way.
 */
public record Problem(Annotated at, String field, String message) {}
