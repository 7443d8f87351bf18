package org.athanor.orm.internal.mapping;

import jakarta.persistence.GenerationType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Select;
import org.athanor.orm.mapping.Attribute;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.mapping.EntityAccessor;
import org.athanor.orm.mapping.IdShape;
import org.athanor.orm.mapping.MappingException;
import org.athanor.orm.mapping.ToOne;
import org.athanor.orm.mapping.ToMany;

/**
 * The one description of a mapped entity inside a {@link org.athanor.orm.Registry}: built by the
 * registry's configure phase ({@link #configure}), it holds what the session, the unit of work, the
 * flush and the loaders read about the entity (attribute arrays, key positions, references, load
 * target, identity keys, lifecycle callbacks). It starts from the class's {@link ClassMapping} (its table and
 * properties, per class because the generated metamodel's static columns need them outside any registry) and
 * belongs to one registry: its references point at that registry's mappers, its callbacks' listener instances are
 * its own, and two registries mapping one class have two mappers sharing only the ClassMapping.
 * Sessions, queries, loading, the flush, relationships and sharding read the entity through the Mapper only.
 *
 * <p>Identity ({@link IdKey}) is keyed by {@link #base()}, the root of the inheritance hierarchy, so a row loaded
 * as a subclass is the same identity as the base's; {@link #tables()} are the tables a row is written to (JOINED:
 * one per level); the relationship properties are linked to their target mappers in {@link #configure}; the
 * identity token ({@link IdKey#token()}) is null unless a sharded session sets it.
 *
 * Immutable after {@link #configure} returns (the link fields are written only there); thread-safe.
 */
public final class Mapper {
    /** The class's table and properties (shared by every registry mapping the class, and by its metamodel). */
    public final ClassMapping<Object> mapping;
    /** Reads and writes the entity's own attributes (the generated accessor, else MethodHandles). */
    private final EntityAccessor<Object> accessor;
    /** How a user-given id holds the key values (a single value, an @IdClass or @EmbeddedId instance). */
    private final IdShape idShape;
    /** The entity's lifecycle callbacks, null when it declares none (the usual case: one null check per object). */
    public final org.athanor.orm.mapping.Callbacks callbacks;
    public final Class<?> type;
    public final String name;
    /** The statement-report origins of a {@code get} and of a query of this entity ({@code "get User"}), made once. */
    public final String getOrigin, queryOrigin;
    /** The table holding the entity's key and discriminator: its only table, or the base table under JOINED inheritance; see {@link #tables()}. */
    public final Table table;
    final List<Table> tables;
    /** The root of the inheritance hierarchy (set by configure); this mapper outside a hierarchy. */
    Mapper base;
    /** The entity's inheritance (strategy, discriminator, parent), or null outside a hierarchy. */
    public final org.athanor.orm.mapping.Inheritance inheritance;
    /** The entity superclass's mapper (set by configure), or null. */
    Mapper parent;
    /** Position of the discriminator in {@link #attrs}, or -1. */
    public final int discriminatorIdx;
    public final Attribute[] attrs;
    public final int[] idIdx;
    public final int versionIdx;
    /** The single id attribute whose value the database or the session generates, or null. */
    public final Attribute generatedId;
    public final List<Column<?>> columns;
    /**
     * The SELECT loading this entity: its columns in attribute order, then (for a class with mapped
     * subclasses) the subclasses' further columns; FROM its table(s), LEFT OUTER JOIN the subclasses'
     * tables (JOINED); WHERE the discriminator is one of the subtree's (a subclass). Set by configure.
     */
    public Select<Row> selectAll;
    /** What the ORM compile stage loads for this entity (set by configure, with {@link #selectAll}). */
    public org.athanor.orm.internal.loading.OrmCompiler.Target loadTarget;
    /** Rows of this entity's SELECT by discriminator value: the class to build and where its values sit; null outside a hierarchy. */
    Map<Object, Polymorphic.Layout> layouts;
    /** Where a row of {@link #selectAll} holds its class's discriminator value (a literal column for TABLE_PER_CLASS). */
    int discriminatorPos = -1;
    /** {@link #layouts} as the loaders read rows (null outside a hierarchy), and this class's own layout. */
    RowLayout.Lookup rowLayouts;
    RowLayout ownLayout;
    /** Whether some class a row of {@link #selectAll} can be loads related objects, and has collections (set by configure). */
    boolean rowsLoadRelated, rowsHaveCollections;
    /** Starts the hash of this entity's keys (the base class name's hash: stable, no identity hash needed). */
    public final int keyHashSeed;
    /** Whether an attribute may hold a byte array (mutable, so snapshots copy it). */
    public final boolean hasBinary;
    /**
     * How many of {@link #attrs} are the entity's own fields (the accessor's); the rest are the foreign key
     * columns of its references (one per {@link #toOnes} entry, several for a reference to a composite key, see
     * {@link #keySlot}), valued with the related object's id, and the discriminator.
     */
    public final int plain;
    /** The first value-array slot of each reference's key columns ({@link #toOnes} order). */
    private final int[] keySlot;
    /** Each reference's key width ({@link ToOne#width()}: 1, or the columns of a composite target key), {@link #toOnes} order. */
    private final int[] refWidth;
    /** The key's slot when it is one attribute and no other is a generated id (the dirty check reads it directly); else -1. */
    public final int simpleIdSlot;
    /** For slot {@code plain + s} of a reference's key column: the reference ({@code slotRef[s]}) and key part ({@code slotPart[s]}). */
    private final int[] slotRef, slotPart;
    /** The {@code @ManyToOne} references; empty (and never looked at per row) for most entities. */
    public final ToOne[] toOnes;
    /** The {@code @OneToMany(mappedBy)} collections; empty for most entities. */
    public final ToMany[] toManys;
    /** Whether one of {@link #toManys} is an {@code @ElementCollection} (checked for a replaced collection before each flush). */
    private final boolean elementCollections;
    /** The inverse {@code @OneToOne(mappedBy)} fields; empty for most entities. */
    public final org.athanor.orm.mapping.InverseOne[] inverseOnes;

    // Links to the other mappers of the registry: written by MapperConfiguration only, read-only afterwards.
    /** Whether a reference shares an @EmbeddedId component's column ({@code @MapsId}): the flush fills the component. */
    public final boolean mapsIds;
    Mapper[] toOneTargets;
    int[] toOneMirror;
    Mapper[] toManyTargets;
    int[] toManyBackRef;
    Mapper[] inverseOneTargets;
    int[] inverseOneBackRef;
    int[] toOneInverseMirror;
    /** Many-to-many links (see {@link ManyToManyLinks}); written by MapperConfiguration only. */
    final ManyToManyLinks manyToMany = new ManyToManyLinks();
    /** The joined loads' statement plans, one per option shape (immutable, kept by JoinedStatement). */
    public final org.athanor.orm.internal.loading.JoinedPlans joinedPlans = new org.athanor.orm.internal.loading.JoinedPlans();
    int rank;
    SelfReferences selfReferences;
    boolean selfToOne;

    Mapper(Class<?> type) {
        @SuppressWarnings("unchecked")
        ClassMapping<Object> m = (ClassMapping<Object>) ClassMapping.of(type);
        this.mapping = m;
        this.accessor = m.accessor();
        this.idShape = m.idShape();
        this.callbacks = org.athanor.orm.mapping.Callbacks.of(type);
        this.type = type;
        this.name = mapping.entityName();
        this.getOrigin = "get " + name;
        this.queryOrigin = "query " + name;
        this.inheritance = mapping.inheritance();
        // the table holding the key (and the discriminator): the base table under JOINED inheritance
        this.table = inheritance == null ? mapping.table() : inheritance.tables().get(0);
        this.tables = inheritance == null ? List.of(table) : inheritance.tables();
        this.base = this;
        this.plain = mapping.attributes().size();
        this.toOnes = mapping.toOnes().toArray(ToOne[]::new);
        this.toManys = mapping.toManys().toArray(ToMany[]::new);
        this.elementCollections = java.util.Arrays.stream(toManys).anyMatch(ToMany::isElementCollection);
        this.inverseOnes = mapping.inverseOnes().toArray(org.athanor.orm.mapping.InverseOne[]::new);
        this.mapsIds = java.util.Arrays.stream(toOnes).anyMatch(t -> t.mapsId() != null);
        List<Attribute> all = new ArrayList<>(mapping.attributes());
        this.keySlot = new int[toOnes.length];
        this.refWidth = new int[toOnes.length];
        List<int[]> parts = new ArrayList<>();
        for (int k = 0; k < toOnes.length; k++) {
            keySlot[k] = all.size();
            refWidth[k] = toOnes[k].width();
            all.addAll(toOnes[k].keyAttributes());
            for (int j = 0; j < toOnes[k].width(); j++) parts.add(new int[] {k, j});
        }
        this.slotRef = parts.stream().mapToInt(x -> x[0]).toArray();
        this.slotPart = parts.stream().mapToInt(x -> x[1]).toArray();
        this.discriminatorIdx = inheritance == null || inheritance.discriminator() == null ? -1 : all.size();
        if (discriminatorIdx >= 0) all.add(inheritance.discriminator());
        this.attrs = all.toArray(Attribute[]::new);
        List<Attribute> ids = mapping.idAttributes();
        if (ids.isEmpty()) throw new MappingException("entity " + type.getName() + " has no @Id attribute");
        this.idIdx = ids.stream().mapToInt(Attribute::index).toArray();
        Attribute v = mapping.versionAttribute();
        this.versionIdx = v == null ? -1 : v.index();
        Attribute gen = mapping.generatedIdAttribute();
        this.generatedId = gen;
        this.simpleIdSlot = idIdx.length == 1 && (gen == null || gen.index() == idIdx[0]) ? idIdx[0] : -1;
        this.keyHashSeed = (inheritance == null ? type : inheritance.root()).getName().hashCode();
        List<Column<?>> cols = new ArrayList<>(attrs.length);
        for (Attribute a : attrs) cols.add(a.column());
        this.columns = List.copyOf(cols);
        boolean binary = false;
        for (Attribute a : attrs) binary |= a.javaType() == byte[].class || (Class<?>) a.column().type().javaType() == byte[].class;
        this.hasBinary = binary;
        for (Attribute a : attrs)
            if (!tables.contains(a.column().table()))
                throw new IllegalStateException("mapping of " + type.getName() + ": the column of " + a.name() + " is in none of its tables " + tables);
        for (int i = 0; i < attrs.length; i++)
            if (attrs[i].index() != i)
                throw new IllegalStateException("mapping of " + type.getName() + " lists attribute " + attrs[i].name()
                        + " at position " + i + " but its index() is " + attrs[i].index());
    }

    /**
     * The configure phase (see {@link MapperConfiguration#configure}): one mapper per class, checked,
     * linked and ranked; immutable from here on.
     */
    public static Map<Class<?>, Mapper> configure(List<Class<?>> entityClasses) { return MapperConfiguration.configure(entityClasses); }

    /** The root mapper of this entity's inheritance hierarchy: identity is keyed by it. Itself outside a hierarchy. */
    public Mapper base() { return base; }

    /** The mapper of the entity superclass, or null. */
    public Mapper parent() { return parent; }

    /** The tables this entity's rows are written to, base table first (several for JOINED inheritance). */
    public List<Table> tables() { return tables; }

    /** The column telling apart the classes of a hierarchy (in the root table), or null outside a hierarchy and for TABLE_PER_CLASS. */
    public Column<?> discriminator() { return discriminatorIdx < 0 ? null : inheritance.discriminator().column(); }

    /** This class's value in {@link #discriminator()}; null outside a hierarchy and for an abstract class. */
    public Object discriminatorValue() { return inheritance == null ? null : inheritance.discriminatorValue(); }

    /** Whether this class is abstract: it has no rows of its own, only its subclasses do. */
    public boolean isAbstract() { return java.lang.reflect.Modifier.isAbstract(type.getModifiers()); }

    /**
     * The class to build for a row of {@link #selectAll} ({@code row} in its column order): this class
     * outside a hierarchy, else the one the row's discriminator names. A value no mapped class has is an
     * error naming it and the known values.
     */
    public Mapper rowMapper(Object[] row) { return layouts == null ? this : layout(row).mapper(); }

    /** The row's values in the attribute order of {@link #rowMapper(Object[])}'s class (the row itself when it is this class's). */
    public Object[] rowValues(Object[] row) {
        if (layouts == null) return row;
        Polymorphic.Layout l = layout(row);
        if (l.positions() == null) return row.length == attrs.length ? row : Arrays.copyOf(row, attrs.length);
        int[] p = l.positions();
        Object[] v = new Object[p.length];
        for (int i = 0; i < p.length; i++) v[i] = row[p[i]];
        return v;
    }

    /**
     * Where the rows of {@link #selectAll} hold the discriminator that picks each row's class (among the entity's
     * columns, 0-based), or -1 when every row is of this class: see {@link #rowLayout(Object)}.
     */
    public int discriminatorPos() { return rowLayouts == null ? -1 : discriminatorPos; }

    /**
     * The layout of a row of {@link #selectAll} whose discriminator (at {@link #discriminatorPos()}) is {@code d}:
     * this class's own outside a hierarchy ({@code d} is not looked at). A value no mapped class has is an error
     * naming it and the known values.
     */
    public RowLayout rowLayout(Object d) {
        if (rowLayouts == null) return ownLayout;
        RowLayout l = rowLayouts.find(d);
        if (l == null) throw Polymorphic.unknownValue(this, d, layouts.keySet());
        return l;
    }

    /** Whether loading rows of {@link #selectAll} may give objects with references or collections to load or install. */
    public boolean rowsLoadRelated() { return rowsLoadRelated; }

    /** Whether some class of this mapper's rows (itself or a subclass) has collections. */
    public boolean rowsHaveCollections() { return rowsHaveCollections; }

    /** The discriminator values a row of {@link #selectAll} can have (this class's and its subclasses'); empty outside a hierarchy. */
    public java.util.Set<Object> discriminatorValues() { return layouts == null ? java.util.Set.of() : layouts.keySet(); }

    /** How many classes a row of {@link #selectAll} can be: 1 outside a hierarchy (or for a leaf class). */
    public int layoutCount() { return layouts == null ? 1 : layouts.size(); }

    /** The row layouts of {@link #selectAll} by discriminator value, or null outside a hierarchy (Polymorphic reads them). */
    Map<Object, Polymorphic.Layout> layouts() { return layouts; }

    private Polymorphic.Layout layout(Object[] row) {
        Object d = row[discriminatorPos];
        Polymorphic.Layout l = layouts.get(d);
        if (l == null) throw Polymorphic.unknownValue(this, d, layouts.keySet());
        return l;
    }

    /** The mapper each {@code @ManyToOne} points at, by position in {@link #toOnes}. */
    public Mapper toOneTarget(int k) { return toOneTargets[k]; }

    /** For reference {@code k}, the position of the collection mirroring it in its target's {@link #toManys}, or -1. */
    public int toOneMirror(int k) { return toOneMirror[k]; }

    /** The element mapper of collection {@code m}. */
    public Mapper toManyTarget(int m) { return toManyTargets[m]; }

    /** The position of collection {@code m}'s mappedBy reference in its element mapper's {@link #toOnes}; -1 for a many-to-many. */
    public int toManyBackRef(int m) { return toManyBackRef[m]; }

    /** The mapper holding the owning side of inverse one-to-one {@code j}. */
    public Mapper inverseOneTarget(int j) { return inverseOneTargets[j]; }

    /** The position of inverse one-to-one {@code j}'s owning reference in its target's {@link #toOnes}. */
    public int inverseOneBackRef(int j) { return inverseOneBackRef[j]; }

    /** For reference {@code k}, the position of the inverse one-to-one mirroring it in its target's {@link #inverseOnes}, or -1. */
    public int toOneInverseMirror(int k) { return toOneInverseMirror[k]; }

    /** Whether loading an object of this entity resolves related objects with it (references or inverse one-to-ones). */
    public boolean loadsRelated() { return toOnes.length > 0 || inverseOnes.length > 0; }

    /** Position of the table in the registry's parents-first order. */
    public int rank() { return rank; }

    /** Foreign keys of the table to its own primary key, for the flush's per-row order; null when none. */
    public SelfReferences selfReferences() { return selfReferences; }

    /** Whether a {@code @ManyToOne} of this entity references the entity itself (Employee.manager). */
    public boolean selfToOne() { return selfToOne; }

    /** The id columns, in id attribute order. */
    public Expression<?>[] idColumns() {
        Expression<?>[] out = new Expression<?>[idIdx.length];
        for (int i = 0; i < out.length; i++) out[i] = attrs[idIdx[i]].column();
        return out;
    }

    /**
     * Whether an insert with a database-generated id writes nothing else to the object (no version):
     * its undo record can be shared (see {@code TxLevel.touchInsertedWithGeneratedId}).
     */
    public boolean insertWritesOnlyTheId() { return versionIdx < 0 && identityGenerated(); }

    /** The value of an unset generated id: null, or 0 of the field's type for a primitive. */
    public Object unsetIdValue() {
        if (!generatedId.isPrimitive()) return null;
        Class<?> t = generatedId.javaType();
        if (t == Long.class || t == long.class) return 0L;
        if (t == Integer.class || t == int.class) return 0;
        return (short) 0;
    }

    /** Whether the generated id uses the database's IDENTITY / autoincrement column. */
    public boolean identityGenerated() {
        if (generatedId == null) return false;
        GenerationType g = generatedId.generation();
        return g == GenerationType.IDENTITY || g == GenerationType.AUTO || g == GenerationType.TABLE;
    }

    public Object get(Object obj, int i) {
        return i < plain ? accessor.get(obj, i) : i == discriminatorIdx ? discriminatorValue() : referencedKeyPart(obj, i);
    }

    /** The value-array slot of reference {@code k}'s first key column; its {@link ToOne#width()} columns follow. */
    public int keySlot(int k) { return keySlot[k]; }

    /** The reference whose key column is at slot {@code i} (not an own attribute nor the discriminator). */
    public int slotReference(int i) { return slotRef[i - plain]; }

    /** Key column {@code i}'s part of the key of the object its reference holds (see {@link #referencedKey}). */
    private Object referencedKeyPart(Object obj, int i) {
        int k = slotRef[i - plain];
        Object key = referencedKey(obj, k);
        return toOnes[k].width() == 1 || key == null || key == UNASSIGNED_KEY ? key : ((List<?>) key).get(slotPart[i - plain]);
    }

    /**
     * Reference {@code k}'s key as held in {@code values} (attribute order): its one key column's value, or for a
     * reference to a composite key the list of its key columns' values; null when a key column is NULL (no
     * related object).
     */
    public Object refKey(Object[] values, int k) { int w = refWidth[k]; return w == 1 ? values[keySlot[k]] : KeyConditions.read(values, keySlot[k], w); }

    /** The identity of reference {@code k}'s target with key {@code refKey} (a {@link #refKey} value, not null). */
    public IdKey targetKey(int k, Object refKey) {
        return IdKey.ofIds(toOneTargets[k], refWidth[k] == 1 ? new Object[] {refKey} : ((List<?>) refKey).toArray());
    }

    /** Writes reference {@code k}'s key {@code refKey} (a {@link #refKey} value, or null) into {@code values}. */
    public void putRefKey(Object[] values, int k, Object refKey) { KeyConditions.write(values, keySlot[k], refWidth[k], refKey); }

    /**
     * Sets an own attribute. A reference's key slot cannot be set from a key alone (that needs the
     * session's objects, see {@code UnitOfWork.setReference}); setting it to the key it already has is a no-op.
     */
    public void set(Object obj, int i, Object value) {
        if (i < plain) accessor.set(obj, i, value);
        else if (i == discriminatorIdx) {
            if (!Values.same(discriminatorValue(), value))
                throw new IllegalStateException("internal: a " + name + " cannot take the discriminator value " + value
                        + "; its class fixes it to " + discriminatorValue());
        } else if (!Values.same(referencedKeyPart(obj, i), value))
            throw new IllegalStateException("internal: the reference " + name + "." + toOnes[slotRef[i - plain]].name()
                    + " must be set through the session");
    }

    /** Sets every own attribute of {@code obj} from {@code values}, in attribute order (references are resolved by the loader). */
    public void setAll(Object obj, Object[] values) { accessor.setAll(obj, values); }

    /** Every own attribute value of {@code obj} into {@code out}, in attribute order (the accessor's fields only). */
    public void getAll(Object obj, Object[] out) { accessor.getAll(obj, out); }

    /** A new, empty instance of the entity (its no-argument constructor). */
    public Object newInstance() { return accessor.newInstance(); }

    /** Every attribute value of {@code obj}, in attribute order, references' keys last. */
    public Object[] read(Object obj) {
        Object[] v = new Object[attrs.length];
        accessor.getAll(obj, v); // attrs starts with mapping.attributes(), so attribute i is at index i
        for (int k = 0; k < toOnes.length; k++) putRefKey(v, k, referencedKey(obj, k));
        if (discriminatorIdx >= 0) v[discriminatorIdx] = discriminatorValue();
        return v;
    }

    /**
     * Stands for the key of a referenced object whose generated id is not assigned yet: unequal to any
     * snapshot value, so the reference counts as changed. The flush inserts the referenced table first
     * (tables are ordered by foreign key) and reads the key again before writing it.
     */
    public static final Object UNASSIGNED_KEY = new Object() {
        @Override public String toString() { return "<key not assigned yet>"; }
    };

    /**
     * The key of the object reference {@code k} holds (its id, or for a reference to a composite key the list of
     * its key values in key order), null when it holds none.
     */
    public Object referencedKey(Object obj, int k) { return referencedKeyOf(k, toOnes[k].get(obj)); }

    /** The id of {@code related} as reference {@code k}'s key value. */
    public Object referencedKeyOf(int k, Object related) {
        if (related == null) return null;
        Mapper target = toOneTargets[k];
        if (!target.type.isInstance(related))
            throw new IllegalStateException(name + "." + toOnes[k].name() + " holds a " + related.getClass().getName()
                    + ", not a " + target.type.getName());
        if (target.idUnset(related)) return UNASSIGNED_KEY;
        if (target.idIdx.length == 1) {
            Object id = target.get(related, target.idIdx[0]);
            return id == null ? UNASSIGNED_KEY : id;
        }
        Object[] parts = new Object[target.idIdx.length];
        for (int j = 0; j < parts.length; j++) {
            parts[j] = target.get(related, target.idIdx[j]);
            if (parts[j] == null || parts[j] == UNASSIGNED_KEY) return UNASSIGNED_KEY;
        }
        return Arrays.asList(parts);
    }

    /** Whether the entity maps an {@code @ElementCollection}. */
    public boolean hasElementCollections() { return elementCollections; }

    /** The secondary table of many-to-many collection {@code m} seen from this side (an element collection's: its collection table), or null for a one-to-many. */
    public org.athanor.orm.mapping.Secondary toManySecondary(int m) { return manyToMany.secondary(m); }

    /** For many-to-many collection {@code m}, the position of the other side's collection in its element mapper's {@link #toManys}, or -1. */
    public int manyToManyMirror(int m) { return manyToMany.mirror(m); }

    /** The secondary tables holding this entity's key (either side, superclasses' included), each seen from this entity. */
    public List<org.athanor.orm.mapping.Secondary> associations() {
        if (parent == null) return manyToMany.associations();
        List<org.athanor.orm.mapping.Secondary> all = new ArrayList<>(manyToMany.associations());
        for (org.athanor.orm.mapping.Secondary s : parent.associations()) if (!all.contains(s)) all.add(s);
        return all;
    }

    /** {@link Values#snapshotOf} for an array the caller gives up: only byte arrays are copied, in place. */
    public Object[] ownSnapshot(Object[] values) {
        if (!hasBinary) return values;
        for (int i = 0; i < values.length; i++) if (values[i] instanceof byte[] b) values[i] = b.clone();
        return values;
    }

    /**
     * The identity of values read in attribute order, or null when a key value is null. The key keeps
     * {@code values} (see {@link IdKey#ofRow}): the caller hands over an array it will not change.
     */
    public IdKey keyOf(Object[] values) { return hasNullId(values) ? null : IdKey.ofRow(this, values); }

    /** Whether a value of the primary key is null in {@code values} (attribute order). */
    public boolean hasNullId(Object[] values) {
        for (int i : idIdx) if (values[i] == null || values[i] == UNASSIGNED_KEY) return true;
        return false;
    }

    /** True when the object's generated id is not assigned yet: null, or 0 in a primitive field. */
    public boolean idUnset(Object obj) {
        return generatedId != null && generatedId.isUnsetId(get(obj, generatedId.index()));
    }

    public IdKey keyOfObject(Object obj) {
        if (idUnset(obj)) return null;
        Object[] k = new Object[idIdx.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = get(obj, idIdx[i]);
            if (k[i] == null || k[i] == UNASSIGNED_KEY) return null; // a derived id whose referenced object has no key yet
        }
        return IdKey.ofIds(this, k);
    }

    /**
     * The identity for an id given to {@code session.get(type, id)}: a single value (widened like a bind parameter: an
     * Integer for a Long key is fine), or an instance of the {@code @IdClass} / {@code @EmbeddedId} class. A wrong
     * type is an IllegalArgumentException naming the expected one.
     */
    public IdKey keyFromId(Object id) { return UserIds.key(this, idShape, id); }

    @Override public String toString() { return name; }
}
