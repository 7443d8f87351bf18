package org.athanor.orm.processor;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import org.athanor.orm.rules.Naming;
import org.athanor.orm.rules.check.ColumnChecks;
import org.athanor.orm.rules.check.InheritanceChecks;
import org.athanor.orm.rules.check.KeyChecks;
import org.athanor.orm.rules.check.LinkChecks;
import org.athanor.orm.rules.check.TableChecks;

/**
 * Entity-wide rules checked once every attribute is known: the links to other entities (mappedBy, @OrderBy), column clashes,
 * a subclass's table and the hierarchy's discriminator, a reference's key column mapped twice,
 * the key class's shape, @Table constraints naming real columns. Each is a check shared with the runtime
 * (org.athanor.orm.rules.check), fed with what the processor read.
 */
final class CrossChecks {
    private final EntityModel m;
    private final Annotations ann;

    CrossChecks(EntityModel m, ProcessingEnvironment env) {
        this.m = m;
        this.ann = m.ann;
    }

    void run() {
        AnnotationMirror table = Annotations.find(m.entity, "Table");
        // the links to other entities (mappedBy, @OrderBy), read from their classes: this round's sources or class files
        if (m.report(LinkChecks.check(m.view))) return;
        // a subclass's @Table / @PrimaryKeyJoinColumn, its own columns in a shared table (the runtime's rules too:
        // InheritanceChecks; before uniqueNames, which sees the inherited attributes too)
        if (m.report(InheritanceChecks.subclassTable(m.view))) return;
        sharedTableColumns();
        if (!m.failed) uniqueNames();
        if (!m.failed) referenceColumns();
        if (!m.failed) keyClass();
        if (table != null && !m.failed) tableConstraints(table);
        if (!m.failed) discriminator();
    }

    /**
     * A SINGLE_TABLE subclass's own columns are free in the shared table: not mapped by its entity superclasses'
     * attributes or references, nor the discriminator (the runtime's rule too: InheritanceChecks.sharedColumn, which it
     * checks against the table as built, where other subclasses' columns are too).
     */
    private void sharedTableColumns() {
        if (m.entitySuperclass() == null || !"SINGLE_TABLE".equals(org.athanor.orm.rules.check.ClassChecks.strategy(m.view))) return;
        java.util.Set<String> own = new java.util.HashSet<>();
        for (org.athanor.orm.rules.check.ClassView c : org.athanor.orm.rules.check.ClassChecks.own(m.view)) own.add(c.name());
        java.util.Set<String> taken = new java.util.HashSet<>();
        taken.add(InheritanceChecks.discriminatorColumn(m.view).toLowerCase(java.util.Locale.ROOT));
        for (AttributeModel a : m.attributes.subList(0, m.inheritedAttributes)) taken.add(a.columnName().toLowerCase(java.util.Locale.ROOT));
        for (EntityModel.ReferenceModel r : m.references)
            if (!own.contains(((TypeElement) r.field().getEnclosingElement()).getQualifiedName().toString()))
                for (String c : r.columns()) taken.add(c.toLowerCase(java.util.Locale.ROOT));
        String table = org.athanor.orm.rules.check.KeyColumns.tableName(m.view);
        for (AttributeModel a : m.attributes.subList(m.inheritedAttributes, m.attributes.size()))
            if (taken.contains(a.columnName().toLowerCase(java.util.Locale.ROOT))) {
                m.error(a.field(), a.label(), InheritanceChecks.sharedColumn(a.columnName(), table));
                return;
            }
    }

    /**
     * The root's @DiscriminatorColumn and this class's @DiscriminatorValue, and a discriminator column an attribute or a
     * reference of the root maps too (the runtime's rules too: InheritanceChecks).
     */
    private void discriminator() {
        if (m.report(InheritanceChecks.discriminator(m.view))) return;
        java.util.Set<String> columns = new java.util.HashSet<>();
        for (AttributeModel a : m.attributes) columns.add(a.columnName().toLowerCase(java.util.Locale.ROOT));
        for (String c : m.referenceColumns) columns.add(c.toLowerCase(java.util.Locale.ROOT));
        m.report(InheritanceChecks.discriminatorColumnClash(m.view, columns::contains));
    }

    private String where(AttributeModel a) { return m.entityName + "." + a.label(); }

    private static boolean isEmbedded(AttributeModel a) { return a.holder() != null && a.holder().embedded(); }

    /** No two attributes on one column or with one name (the runtime's rule too: ColumnChecks). */
    private void uniqueNames() {
        // the class's own attributes, as the runtime's: an entity superclass's are checked with it (a SINGLE_TABLE
        // subclass's columns against them: sharedTableColumns)
        List<AttributeModel> own = m.attributes.subList(m.inheritedAttributes, m.attributes.size());
        ColumnChecks.Clash clash = ColumnChecks.uniqueNames(own.stream().map(a -> new ColumnChecks.Mapped(where(a),
                a.name(), a.columnName(), isEmbedded(a) ? a.field().getSimpleName().toString() : null)).toList());
        if (clash != null) m.errorMessage(own.get(clash.index()).field(), clash.message());
    }

    /**
     * No reference's key column is mapped by an attribute or an earlier reference (the runtime's rule too:
     * ReferenceChecks.keyColumnClash); the runtime's references come after the attributes, in field order.
     */
    private void referenceColumns() {
        // a JOINED subclass's table holds its own part only (the key column may be renamed: left to the runtime)
        java.util.Set<String> own = new java.util.HashSet<>();
        boolean joined = m.entitySuperclass() != null && "JOINED".equals(org.athanor.orm.rules.check.ClassChecks.strategy(m.view));
        for (org.athanor.orm.rules.check.ClassView c : org.athanor.orm.rules.check.ClassChecks.own(m.view)) own.add(c.name());
        java.util.function.Predicate<javax.lang.model.element.Element> inTable = e -> !joined
                || own.contains(((TypeElement) e.getEnclosingElement()).getQualifiedName().toString());
        java.util.Set<String> mapped = new java.util.HashSet<>();
        for (AttributeModel a : m.attributes)
            if (!joined || a.holder() == null && !a.id() && inTable.test(a.field()))
                mapped.add(a.columnName().toLowerCase(java.util.Locale.ROOT));
        for (EntityModel.ReferenceModel r : m.references) {
            if (!inTable.test(r.field()) || Annotations.has(r.field(), "MapsId")) continue; // @MapsId: it shares its key component's column
            String p = org.athanor.orm.rules.check.ReferenceChecks.keyColumnClash(r.columns(), mapped::contains);
            if (p != null) {
                m.error(r.field(), r.field().getSimpleName().toString(), p);
                return;
            }
            for (String c : r.columns()) mapped.add(c.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * The key class (@IdClass, @EmbeddedId) mirrors the key attributes (the runtime's rule too: KeyChecks.keyClass), for
     * a hierarchy's root or a TABLE_PER_CLASS class, as the runtime's IdShape.
     */
    private void keyClass() {
        if (m.entitySuperclass() == null || "TABLE_PER_CLASS".equals(org.athanor.orm.rules.check.ClassChecks.strategy(m.view)))
            m.report(KeyChecks.keyClass(m.view));
    }

    /** The @Table indexes and unique constraints name real columns (the runtime's rule too: TableChecks). */
    private void tableConstraints(AnnotationMirror table) {
        String entityName = ann.string(Annotations.find(m.entity, "Entity"), "name");
        if (entityName.isEmpty()) entityName = m.entity.getSimpleName().toString();
        String tableName = ann.string(table, "name");
        if (tableName.isEmpty()) tableName = Naming.snakeCase(entityName);
        List<String> columns = new ArrayList<>(m.attributes.stream().map(AttributeModel::columnName).toList());
        columns.addAll(m.referenceColumns);
        String p = TableChecks.constraintsProblem(m.views.annotation(table), tableName,
                n -> columns.contains(n) || m.attributes.stream().anyMatch(a -> a.name().equals(n)), columns);
        if (p != null) m.error(m.entity, null, p);
    }
}
