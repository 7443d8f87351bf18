package org.athanor.orm.rules.check;

/** A field's (or parameter's) type, erased, as the checks see it. */
public interface TypeView {
    /**
     * The erased canonical name the rules use ({@code java.lang.String}, {@code int}, {@code byte[]}), see
     * {@link org.athanor.orm.rules.TypeRules}.
     */
    String name();

    /** The erased type as the side's messages name it (reflection: {@code Class.getName()}). */
    String messageName();

    /** The full (generic) type as written in messages, e.g. {@code java.util.List<java.lang.String>}. */
    String display();

    boolean isPrimitive();

    /** A type variable the entity does not bind to a class. */
    boolean isTypeVariable();

    /** The class, or null for primitives, arrays and type variables. */
    ClassView asClass();

    /**
     * The type arguments with which this class implements (or extends) the generic type {@code generic}
     * (a qualified name), erased; null when it does not, or when an argument is not a class or array.
     */
    java.util.List<TypeView> typeArguments(String generic);

    /** Whether a value of this type (boxed) can be stored where {@code target} (boxed) is expected. */
    boolean isAssignableTo(TypeView target);

    /** {@link #messageName()}, boxed for a primitive. */
    default String boxedMessageName() { return isPrimitive() ? boxedName() : messageName(); }

    /** {@link #name()} with primitives boxed ({@code int} -> {@code java.lang.Integer}). */
    default String boxedName() {
        return switch (name()) {
            case "boolean" -> "java.lang.Boolean";
            case "byte" -> "java.lang.Byte";
            case "short" -> "java.lang.Short";
            case "char" -> "java.lang.Character";
            case "int" -> "java.lang.Integer";
            case "long" -> "java.lang.Long";
            case "float" -> "java.lang.Float";
            case "double" -> "java.lang.Double";
            default -> name();
        };
    }

    default boolean isEnum() { return asClass() != null && asClass().kind() == ClassView.Kind.ENUM; }

    default boolean isRecord() { return asClass() != null && asClass().kind() == ClassView.Kind.RECORD; }
}
