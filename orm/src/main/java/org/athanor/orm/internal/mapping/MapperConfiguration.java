package org.athanor.orm.internal.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.orm.mapping.MappingException;
import org.athanor.orm.mapping.ToMany;
import org.athanor.orm.mapping.ToOne;

/**
 * The registry's configure phase (SQLAlchemy's configure_mappers): builds the {@link Mapper}s of a
 * set of classes, checks the set, links relationship properties to their target mappers, ranks the
 * tables parents first and finds self-references. The only code that writes a mapper's link fields; the
 * checks across the registry's classes (one table per entity, targets inside the registry) are here, not in the
 * per-class {@link org.athanor.orm.mapping.ClassMapping}.
 */
final class MapperConfiguration {
    private MapperConfiguration() {}

    /**
     * The configure phase: builds one mapper per class, checks the set (distinct tables, references
     * and collections pointing inside it), links relationship properties to their target mappers,
     * ranks the tables parents first and finds each table's self-references. The result, in the order
     * given, is immutable from here on. Inheritance groups the mappers into hierarchies here
     * ({@code Polymorphic.link}: {@link Mapper#base()}, the load statements) before the links are made.
     */
    static Map<Class<?>, Mapper> configure(List<Class<?>> entityClasses) {
        Map<Class<?>, Mapper> mappers = new LinkedHashMap<>();
        for (Class<?> c : entityClasses) {
            if (mappers.containsKey(c)) throw new IllegalArgumentException("Registry.of() was given " + c.getName() + " twice");
            mappers.put(c, new Mapper(c));
        }
        checkDistinctTables(mappers.values());
        Polymorphic.link(mappers);
        for (Mapper m : mappers.values()) linkTargets(m, mappers);
        for (Mapper m : mappers.values()) linkCollections(m, mappers);
        for (Mapper m : mappers.values()) linkInverseOnes(m, mappers);
        List<Table> tables = new ArrayList<>();
        for (Mapper m : mappers.values()) for (Table t : m.tables) if (!tables.contains(t)) tables.add(t);
        List<Table> order = MetaData.sort(tables);
        for (Mapper m : mappers.values()) {
            // classes of one single-table hierarchy share a table: among them, a class referencing another
            // (Dog.chases -> Cat) comes after it, so a new row's reference has its key when it is inserted
            int last = 0; // JOINED: after every table the entity writes (each may reference other entities' tables)
            for (Table t : m.tables) last = Math.max(last, order.indexOf(t));
            m.rank = last * (mappers.size() + 1) + sameTableDepth(m, mappers.values());
            m.selfReferences = SelfReferences.of(m);
        }
        return Collections.unmodifiableMap(mappers);
    }

    /**
     * No two of the registry's entities map to the same table, unless they belong to one single-table inheritance
     * hierarchy (then they hold the very same Table).
     */
    private static void checkDistinctTables(java.util.Collection<Mapper> mappers) {
        Map<String, Mapper> seen = new java.util.HashMap<>();
        for (Mapper m : mappers) {
            Table t = m.mapping.table();
            String key = (t.schema() == null ? "" : t.schema().toLowerCase(java.util.Locale.ROOT) + ".") + t.name().toLowerCase(java.util.Locale.ROOT);
            Mapper other = seen.putIfAbsent(key, m);
            if (other == null || other.mapping.table() == t) continue;
            throw new MappingException("entities " + other.type.getName() + " and " + m.type.getName() + " both map to table "
                    + (t.schema() == null ? "" : t.schema() + ".") + t.name() + "; each entity needs its own table "
                    + "(give one a different @Table(name = ...)), unless they share it through single-table inheritance "
                    + "(@Inheritance(strategy = SINGLE_TABLE) on their common @Entity superclass)");
        }
    }

    /** How many classes on {@code m}'s table it references in a chain (cycles cut off after every class was counted). */
    private static int sameTableDepth(Mapper m, java.util.Collection<Mapper> all) {
        Map<Mapper, Integer> depth = new java.util.HashMap<>();
        for (Mapper x : all) if (x.table == m.table) depth.put(x, 0);
        for (int round = 0; round < depth.size(); round++)
            for (Mapper y : depth.keySet())
                for (Mapper x : depth.keySet())
                    if (x != y && references(y, x) && depth.get(y) <= depth.get(x)) depth.put(y, depth.get(x) + 1);
        return Math.min(depth.get(m), all.size());
    }

    private static boolean references(Mapper y, Mapper x) {
        for (ToOne t : y.toOnes) if (t.target().isAssignableFrom(x.type)) return true;
        return false;
    }

    /** Links each reference to its registered target; a target outside the registry is a mapping error. */
    private static void linkTargets(Mapper self, java.util.Map<Class<?>, Mapper> registered) {
        self.toOneTargets = new Mapper[self.toOnes.length];
        for (int k = 0; k < self.toOnes.length; k++) {
            Mapper t = registered.get(self.toOnes[k].target());
            if (t == null)
                throw new MappingException(self.type.getName() + "." + self.toOnes[k].name() + " references "
                        + self.toOnes[k].target().getName() + ", which is not in this Registry; pass it to Registry.of(...) too");
            self.toOneTargets[k] = t;
            if (t == self) self.selfToOne = true;
        }
        self.toOneMirror = new int[self.toOnes.length];
        java.util.Arrays.fill(self.toOneMirror, -1);
        self.toOneInverseMirror = new int[self.toOnes.length];
        java.util.Arrays.fill(self.toOneInverseMirror, -1);
        self.manyToMany.allocate(self.toManys.length);
    }

    /** Links each collection to its element entity and mappedBy reference (after every entity's {@link #linkTargets}). */
    private static void linkCollections(Mapper self, java.util.Map<Class<?>, Mapper> registered) {
        self.toManyTargets = new Mapper[self.toManys.length];
        self.toManyBackRef = new int[self.toManys.length];
        for (int m = 0; m < self.toManys.length; m++) {
            ToMany c = self.toManys[m];
            String where = self.type.getName() + "." + c.name();
            if (c.isElementCollection()) { // values, no element entity: only its collection table to link
                self.toManyBackRef[m] = -1;
                ManyToManyLinks.linkValues(self, m);
                continue;
            }
            Mapper t = registered.get(c.target());
            if (t == null)
                throw new MappingException(where + " holds " + c.target().getName() + ", which is not in this Registry; "
                        + "pass it to Registry.of(...) too");
            self.toManyTargets[m] = t;
            if (c.isManyToMany()) {
                self.toManyBackRef[m] = -1;
                ManyToManyLinks.link(self, m, t, where);
                continue;
            }
            int k = -1;
            for (int i = 0; i < t.toOnes.length; i++) if (t.toOnes[i].name().equals(c.mappedBy())) k = i;
            // ClassMapping checked the link (LinkChecks, shared with the processor): a reference back to this class, mirrored once
            if (k < 0 || t.toOneTargets[k] != self || t.toOneMirror[k] >= 0)
                throw new IllegalStateException("internal: " + where + " does not mirror one reference; LinkChecks checks mappedBy");
            self.toManyBackRef[m] = k;
            t.toOneMirror[k] = m;
        }
    }

    /** Links each inverse one-to-one to the owning {@code @OneToOne} it mirrors (after every entity's {@link #linkTargets}). */
    private static void linkInverseOnes(Mapper self, java.util.Map<Class<?>, Mapper> registered) {
        self.inverseOneTargets = new Mapper[self.inverseOnes.length];
        self.inverseOneBackRef = new int[self.inverseOnes.length];
        for (int j = 0; j < self.inverseOnes.length; j++) {
            org.athanor.orm.mapping.InverseOne one = self.inverseOnes[j];
            String where = self.type.getName() + "." + one.name();
            Mapper t = registered.get(one.target());
            if (t == null)
                throw new MappingException(where + " relates to " + one.target().getName() + ", which is not in this Registry; "
                        + "pass it to Registry.of(...) too");
            int k = -1;
            for (int i = 0; i < t.toOnes.length; i++) if (t.toOnes[i].name().equals(one.mappedBy())) k = i;
            // ClassMapping checked the link (LinkChecks): an owning one-to-one back to this class, its key UNIQUE, mirrored once
            if (k < 0 || t.toOneTargets[k] != self || t.toOneInverseMirror[k] >= 0)
                throw new IllegalStateException("internal: " + where + " does not mirror one reference; LinkChecks checks mappedBy");
            self.inverseOneTargets[j] = t;
            self.inverseOneBackRef[j] = k;
            t.toOneInverseMirror[k] = j;
        }
    }
}
