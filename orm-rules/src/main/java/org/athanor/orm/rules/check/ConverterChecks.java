package org.athanor.orm.rules.check;

import java.util.List;
import org.athanor.orm.rules.TypeRules;

/**
 * {@code @Convert(converter = C.class)} on a basic field or an element collection: C implements
 * {@code AttributeConverter<X, Y>} with concrete X and Y, X takes the value's type, Y is a basic column
 * type. Written once for the runtime (which then instantiates C) and the annotation processor.
 *
 * <p>Not API: public only so that the runtime and the processor, in other artifacts, share it.
 */
public final class ConverterChecks {
    private ConverterChecks() {}

    private static final String ATTRIBUTE_CONVERTER = "jakarta.persistence.AttributeConverter";

    /** The mistake of converter {@code converter} for values of type {@code value}, or null. */
    public static String problem(TypeView converter, TypeView value) {
        if (converter.name().equals(ATTRIBUTE_CONVERTER))
            return "@Convert needs converter = SomeConverter.class (auto-applied converters are not supported)";
        List<TypeView> args = converter.typeArguments(ATTRIBUTE_CONVERTER);
        if (args == null || args.size() != 2)
            return "cannot tell the types of converter " + converter.messageName() + "; it must implement "
                    + "AttributeConverter<X, Y> with concrete classes X and Y";
        if (!value.isAssignableTo(args.get(0)))
            return "converter " + converter.messageName() + " converts " + args.get(0).boxedMessageName() + ", but the field is "
                    + value.boxedMessageName();
        if (!TypeRules.BASIC.contains(args.get(1).boxedName()))
            return "converter " + converter.messageName() + " produces " + args.get(1).boxedMessageName() + ", which is not a "
                    + "supported column type; supported types are " + TypeRules.SUPPORTED;
        return null;
    }
}
