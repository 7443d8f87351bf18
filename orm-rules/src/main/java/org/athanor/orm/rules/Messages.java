package org.athanor.orm.rules;

import java.util.List;

/**
 * The words of the mapping errors both the runtime (a MappingException when the Registry maps the
 * class) and the annotation processor (a compile error on the element) report, written once, so that
 * a mistake reads the same whether javac or the first Registry.of finds it. Each method returns the
 * message after the "Class" or "Class.field: " prefix, which each side adds in its own way.
 *
 * <p>Not API: public only so that the runtime and the processor, in other artifacts, share it.
 */
public final class Messages {
    private Messages() {}

    public static String notTopLevel() { return "an @Entity must be a top-level or static nested class"; }

    /** A {@code @OneToMany @JoinColumn} whose column name the element's table already maps (an attribute or reference of the element). */
    public static String oneToManyJoinColumnTaken(String column, String table) {
        return "@JoinColumn(name = \"" + column + "\") names a column the element's table " + table + " already maps (an "
                + "attribute or reference of the element); give the collection's key column another name, or use the "
                + "element's reference: @OneToMany(mappedBy = ...)";
    }

    /** {@code @OneToMany @JoinColumn(nullable = false)} without orphanRemoval and cascade REMOVE. */
    public static String oneToManyJoinColumnNotNull() {
        return "@JoinColumn(nullable = false) on a @OneToMany needs orphanRemoval = true and cascade = REMOVE (or ALL): "
                + "an element removed from the collection, or of a deleted owner, would otherwise get NULL in its NOT NULL "
                + "column; add them, or make the column nullable";
    }

    /** {@code @OneToMany @JoinColumn} to an element that is part of an inheritance hierarchy. */
    public static String oneToManyJoinColumnInheritance(String element) {
        return "the element " + element + " is part of an inheritance hierarchy; a @OneToMany @JoinColumn to it is not "
                + "supported yet: map a @ManyToOne on the element and use @OneToMany(mappedBy = ...), or leave out "
                + "@JoinColumn for a join table";
    }

    /** {@code @OneToMany} with both {@code @JoinColumn} and {@code @JoinTable}. */
    public static String oneToManyJoinColumnAndTable() {
        return "@JoinTable and @JoinColumn together on a @OneToMany; the key column is either in a join table (@JoinTable, "
                + "or neither) or in the element's table (@JoinColumn), not both";
    }

    /** {@code @OneToMany @JoinColumn(referencedColumnName)} naming another column than the owner's key column. */
    public static String oneToManyJoinColumnReferenced(String given, String key) {
        return "@JoinColumn(referencedColumnName = \"" + given + "\"): the column must reference the owner's key column " + key;
    }

    /** {@code @OneToMany @JoinColumn} with members other than name, nullable, referencedColumnName, foreignKey. */
    public static String oneToManyJoinColumnMembers() {
        return "@JoinColumn on a @OneToMany: only name, nullable, referencedColumnName and foreignKey (its name, or "
                + "value = NO_CONSTRAINT) are read; remove the other members";
    }

    /** {@code @OneToMany(mappedBy = ...)} with {@code @JoinColumn}: the element's reference names the column. */
    public static String mappedByJoinColumn() {
        return "@JoinColumn cannot be combined with @OneToMany(mappedBy = ...); the element's reference names the column "
                + "(put @JoinColumn there), or leave out mappedBy for a unidirectional one-to-many keyed in the element's table";
    }

    /** {@code @JoinTable} on a field that is neither a {@code @ManyToMany} nor a join-table {@code @OneToMany}. */
    public static String joinTableMisplaced() {
        return "@JoinTable without @ManyToMany or a unidirectional @OneToMany (one with neither mappedBy nor @JoinColumn); "
                + "it names the secondary table of such a collection";
    }

    public static String propertyAccess() { return "@Access(PROPERTY) is not supported; Athanor maps fields"; }

    public static String noNoArgConstructor() {
        return "has no no-arg constructor; add one (it may be protected or private) so that rows can be loaded into new instances";
    }

    /** Two attributes on one column; {@code a} and {@code b} name them as "Entity.attribute". */
    public static String sameColumn(String a, String b, String column) {
        return a + " and " + b + " both map to column '" + column + "'; give one of them @Column(name = ...)";
    }

    /**
     * Two attributes on one column where one of them is a field of an {@code @Embedded} value (the same
     * embeddable embedded twice, say): {@code field} is that embeddable field's name.
     */
    public static String sameColumnEmbedded(String a, String b, String column, String field) {
        return a + " and " + b + " both map to column '" + column + "'; an embeddable embedded twice needs its columns"
                + " renamed: @AttributeOverride(name = \"" + field + "\", column = @Column(name = ...)) on one @Embedded field";
    }

    public static String embeddedNotEmbeddable(String typeName) {
        return "the @Embedded type " + typeName + " must be annotated @Embeddable";
    }

    public static String nestedEmbedded(String typeName) {
        return "nested embeddables are not supported: " + typeName + " is an @Embeddable inside an @Embeddable; map its"
                + " fields in the outer @Embeddable itself";
    }

    public static String embeddableSuperclass(String typeName, String superName) {
        return "the @Embeddable " + typeName + " extends " + superName + "; embeddables that inherit fields are not"
                + " supported, declare the fields in the @Embeddable itself";
    }

    /** An annotation (simple name) on a field of an embeddable used by {@code @Embedded}. */
    public static String notInEmbedded(String annotation) {
        return "@" + annotation + " on a field of an @Embedded value is not supported: an embedded value holds basic"
                + " columns of its owner (no key, version or relationships of its own); map it on the entity instead";
    }

    public static String overrideUnknown(String name, String typeName, List<String> fields) {
        return "@AttributeOverride(name = \"" + name + "\") names no persistent field of the @Embeddable " + typeName
                + "; its fields are " + fields + " (nested paths like \"a.b\" are not supported)";
    }

    public static String overrideTwice(String name) {
        return "@AttributeOverride(name = \"" + name + "\") is given twice; override each field once";
    }

    public static String overrideNotEmbedded() {
        return "@AttributeOverride on a field that is neither @Embedded nor @EmbeddedId; it renames the column of an"
                + " embeddable's field, so on a basic field use @Column instead";
    }

    public static String overrideOnClass() {
        return "@AttributeOverride on an entity class (overriding a mapped superclass's column) is not supported; put"
                + " @Column on the field, or @AttributeOverride on an @Embedded field";
    }

    public static String sameAttributeName(String a, String b, String name) {
        return a + " and " + b + " have the same attribute name '" + name + "'; rename one (attribute names must be unique in an entity)";
    }

    public static String embeddedIdAndId() { return "an entity has either an @EmbeddedId or @Id fields, not both"; }

    public static String compositeKeyWithoutIdClass(List<String> idFields) {
        return "has " + idFields.size() + " @Id fields " + idFields
                + ": a composite key needs @IdClass(KeyClass.class) on the entity or a single @EmbeddedId field";
    }

    /** {@code @Id} on a reference of an entity without {@code @IdClass} (runtime and processor). */
    public static String derivedIdWithoutIdClass(String field) {
        return "@Id on a reference makes its key column part of the primary key (a derived identity), which needs "
                + "@IdClass(KeyClass.class) on the entity with a field '" + field + "' of the referenced entity's id type "
                + "(and one field per other @Id)";
    }

    /** {@code @Id} on a reference inside an inheritance hierarchy (runtime and processor). */
    public static String derivedIdInHierarchy() {
        return "@Id on a reference (a derived identity) is not supported in an inheritance hierarchy; map the association "
                + "object as an entity of its own (no @Inheritance, no entity superclass)";
    }

    public static String mapsIdWithId() {
        return "@MapsId and @Id on one reference; use @Id on the reference with an @IdClass, or @MapsId with an @EmbeddedId";
    }

    public static String mapsIdWithoutEmbeddedId() {
        return "@MapsId needs an @EmbeddedId on the entity (the key class holding this reference's key); without one, use "
                + "@Id on the reference and an @IdClass";
    }

    public static String mapsIdUnknown(String name, List<String> components) {
        return "@MapsId(\"" + name + "\") must name a field of the @EmbeddedId, one of " + components
                + " (@MapsId without a name, mapping the whole key to the reference, is not supported)";
    }

    public static String mapsIdType(String name, String componentType, String targetIdType) {
        return "@MapsId(\"" + name + "\"): the @EmbeddedId's field " + name + " is a " + componentType
                + ", but the referenced entity's id is a " + targetIdType + "; they must be the same type";
    }

    public static String mapsIdJoinColumn(String joinColumn, String name, String column) {
        return "@JoinColumn(name = \"" + joinColumn + "\") with @MapsId(\"" + name + "\"): the reference shares the key "
                + "column " + column + " of the @EmbeddedId's field " + name + "; name that column with @Column on the field, "
                + "or drop @JoinColumn";
    }

    /** {@code @MapsId} on a field that is not a reference. */
    public static String mapsIdWithoutReference() {
        return "@MapsId without @ManyToOne or @OneToOne; it maps a reference onto a field of the @EmbeddedId, so put it on "
                + "that reference";
    }

    public static String uniqueConstraintWithoutColumns() { return "@UniqueConstraint needs columnNames"; }

    /** {@code where}: the annotation holding the name, e.g. "@Index(name = \"ix\")". */
    public static String emptyColumnName(String where) { return where + " has an empty column name"; }

    /** {@code typeName}: the field's declared type as the side sees it. */
    public static String unsupportedVersionType(String typeName) {
        return "@Version on unsupported type " + typeName + "; a version is a number or a timestamp: "
                + TypeRules.describe(TypeRules.VERSION_TYPES);
    }
}
