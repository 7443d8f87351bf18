package org.athanor.orm.rules.check;

/** A declared method of a {@link ClassView}. */
public interface MethodView extends Annotated {
    String name();

    boolean isStatic();

    int parameterCount();

    /** The first parameter's type, or null when there is none. */
    TypeView firstParameter();

    boolean returnsVoid();
}
