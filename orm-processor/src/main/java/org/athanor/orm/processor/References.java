package org.athanor.orm.processor;

import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import org.athanor.orm.rules.JoinColumnRules;
import org.athanor.orm.rules.check.FieldView;
import org.athanor.orm.rules.check.KeyColumns;
import org.athanor.orm.rules.check.ReferenceChecks;
import org.athanor.orm.rules.check.RelationshipChecks;
import org.athanor.orm.rules.check.TypeView;

/**
 * The relationship fields the shared checks accepted (org.athanor.orm.rules.check.RelationshipChecks): the
 * metamodel's typed relationship attributes, an owning reference's key columns (for the {@code @Table} constraint
 * checks) and a lazy reference's proxy target.
 */
final class References {
    private final EntityModel m;

    References(EntityModel m) { this.m = m; }

    /** Records relationship field {@code f} (its view {@code fv}): a collection of entities, or a reference. */
    void relationship(VariableElement f, FieldView fv, boolean collection) {
        String kind = collection ? (fv.has("ManyToMany") ? "ManyToMany" : "OneToMany") : fv.has("ManyToOne") ? "ManyToOne" : "OneToOne";
        // the metamodel's type is the declared one; the key columns are the target entity's (targetEntity, if given)
        TypeView declared = collection ? fv.elementType() : fv.type();
        if (declared == null || declared.asClass() == null) return; // refused by the shared checks
        Object targetEntity = fv.annotation(kind).value("targetEntity");
        TypeView target = targetEntity instanceof TypeView v && !v.name().equals("void") ? v : declared;
        boolean inverse = RelationshipChecks.kind(fv) == RelationshipChecks.Kind.INVERSE_ONE;
        if (!collection && !inverse) {
            List<String> columns = referenceColumns(fv, target);
            m.referenceColumns.addAll(columns);
            m.references.add(new EntityModel.ReferenceModel(f, columns));
        }
        m.relationships.add(new EntityModel.RelationshipModel(f.getSimpleName().toString(), declared.name(), collection));
        m.relationFields.add(f);
        TypeElement lazy = m.elements.getTypeElement(declared.name());
        if (!collection && !inverse && "LAZY".equals(fv.annotation(kind).string("fetch")) && lazy != null)
            m.lazyTargets.add(new EntityModel.LazyTarget(f, lazy));
    }

    /** The key columns of owning reference {@code fv} as the runtime names them (ReferenceColumns: the same {@link JoinColumnRules}). */
    private List<String> referenceColumns(FieldView fv, TypeView target) {
        KeyColumns.Keys keys = KeyColumns.of(target.asClass());
        return JoinColumnRules.resolve(fv.name(), target.asClass().simpleName(), keys.columns(),
                KeyColumns.given(ReferenceChecks.joinColumns(fv))).names();
    }
}
