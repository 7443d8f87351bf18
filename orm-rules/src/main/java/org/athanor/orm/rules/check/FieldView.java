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

    /** Not persistent: static, transient, synthetic or {@code @Transient}. */
    default boolean skipped() { return isStatic() || isTransient() || isSynthetic() || has("Transient"); }
}
