package org.athanor.orm.processor;

import javax.lang.model.element.VariableElement;
import org.athanor.orm.rules.check.ElementCollectionChecks;
import org.athanor.orm.rules.check.FieldView;

/**
 * An {@code @ElementCollection} field the shared checks accepted (org.athanor.orm.rules.check.ElementCollectionChecks,
 * which the runtime's org.athanor.orm.mapping.ElementCollections runs too): a collection attribute of the metamodel
 * ({@code Relationship<Owner, Value>}), for the load options, {@code join} and {@code any}.
 */
final class ElementFields {
    private ElementFields() {}

    static void add(EntityModel m, VariableElement f, FieldView fv) {
        m.relationships.add(new EntityModel.RelationshipModel(f.getSimpleName().toString(),
                ElementCollectionChecks.elementType(fv).name(), true, true));
        m.relationFields.add(f);
    }
}
