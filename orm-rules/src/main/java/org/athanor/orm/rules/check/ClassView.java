package org.athanor.orm.rules.check;

import java.util.List;

/**
 * A mapped class (entity, mapped superclass, embeddable, listener) as the checks see it: read by
 * reflection at run time (org.athanor.orm.mapping) or from javax.lang.model by the annotation processor.
 */
public interface ClassView extends Annotated {
    enum Kind { CLASS, RECORD, INTERFACE, ENUM, ANNOTATION }

    enum Nesting { TOP_LEVEL, MEMBER, LOCAL, ANONYMOUS }

    /** The name messages give the class: its binary name at run time, its canonical name in the processor. */
    String name();

    String simpleName();

    Kind kind();

    Nesting nesting();

    boolean isAbstract();

    boolean isStatic();

    /** The superclass, or null when it is {@code java.lang.Object} (or there is none: Object itself, an interface). */
    ClassView superclass();

    /** The declared fields, in declaration order. */
    List<FieldView> fields();

    /** The declared methods (not constructors). */
    List<MethodView> methods();

    boolean hasNoArgConstructor();

    /** Whether this class's instances can be passed where {@code type} is expected. */
    boolean isAssignableTo(TypeView type);
}
