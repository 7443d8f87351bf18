package org.athanor.orm.processor;

import javax.lang.model.element.VariableElement;

/**
 * One persistent attribute as the generated code sees it.
 *
 * @param typeName    the field's erased type as spelled in source ({@code int}, {@code java.lang.String}, {@code byte[]})
 * @param boxedName   the boxed type, for {@code Column<T>} and {@code T.class}
 * @param primitive   whether the field is primitive (null cannot be stored)
 * @param access      how the field is read and written
 * @param name        the attribute name: the field name, {@code holder.field} for a field of an @Embedded value
 * @param holder      for an @EmbeddedId component or a field of an @Embedded value: the entity's field holding it, else null
 * @param label       the field as messages name it after the entity: {@code name}, or {@code key.carrier}
 * @param columnName  the column it maps to (as the runtime names it)
 */
record AttributeModel(String name, VariableElement field, String typeName, String boxedName, boolean primitive,
                      FieldAccess access, HolderModel holder, String label, String columnName, boolean id,
                      boolean generated) {

    /** An @EmbeddedId or ({@code embedded}) @Embedded field: how to reach it, and its (accessible) embeddable class. */
    record HolderModel(String name, String typeName, FieldAccess access, boolean embedded) {}
}
