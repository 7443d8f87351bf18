package org.athanor.orm.processor;

/**
 * How generated code reaches a field: directly when it is accessible from the entity's package,
 * else through a {@code static final VarHandle} (which the JIT folds to a plain field access), else
 * (a declaring class generated code cannot name) through a getter/setter pair.
 */
sealed interface FieldAccess {
    record Direct(String field) implements FieldAccess {}
    record Accessors(String getter, String setter) implements FieldAccess {}
    /** {@code declaringClass} is the canonical name of the class that declares {@code field}. */
    record Handle(String handleName, String declaringClass, String field, String typeName) implements FieldAccess {}
}
