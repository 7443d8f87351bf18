package org.athanor.orm.rules.check;

/** A field of a {@link ClassView}, its type seen from the entity being checked (type variables bound). */
public interface FieldView extends Annotated {
    String name();

    ClassView declaringClass();

    boolean isStatic();

    boolean isTransient();

    boolean isFinal();

    /** Added by the compiler (reflection only: the processor never sees one). */
    boolean isSynthetic();

    TypeView type();

    /**
     * The one type argument of the field's declared type when it is a plain class or an array ({@code List<Post>}
     * gives Post): a collection's element. Null for a raw type, a type variable, a wildcard or a parameterized argument.
     */
    TypeView elementType();

    /** Not persistent: static, transient, synthetic or {@code @Transient}. */
    default boolean skipped() { return isStatic() || isTransient() || isSynthetic() || has("Transient"); }
}
