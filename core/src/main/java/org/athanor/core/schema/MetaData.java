package org.athanor.core.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A collection of tables and sequences (SQLAlchemy's MetaData). {@link #createAll} and {@link #dropAll}
 * order the tables by foreign-key dependency; sequences are created before the tables and dropped
 * after them.
 *
 * <pre>{@code
 * MetaData metadata = MetaData.of(USERS, POSTS).add(Sequence.of("order_no").startWith(1000));
 * metadata.createAll(engine);   // CREATE SEQUENCE IF NOT EXISTS, then CREATE TABLE IF NOT EXISTS, parents first
 * }</pre>
 *
 * On databases without sequences ({@code DialectFeatures.supportsSequences()} false) the sequences are
 * skipped silently, as SQLAlchemy skips a {@code Sequence} there.
 */
public final class MetaData {
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, Sequence> sequences = new LinkedHashMap<>();

    public static MetaData of(Table... tables) {
        MetaData m = new MetaData();
        m.add(tables);
        return m;
    }

    public synchronized MetaData add(Table... toAdd) {
        for (Table t : toAdd) {
            if (t.alias() != null || t.isDerived())
                throw new IllegalArgumentException("MetaData holds tables, not aliases or subqueries: " + t);
            String key = key(t);
            Table existing = tables.get(key);
            if (existing != null && existing != t)
                throw new IllegalArgumentException("MetaData already holds another table named " + key);
            if (sequences.containsKey(key))
                throw new IllegalArgumentException("MetaData already holds a sequence named " + key + "; a table cannot "
                        + "share its name (the databases keep tables and sequences in one namespace)");
            tables.put(key, t);
        }
        return this;
    }

    /**
     * Adds sequences, created by {@link #createAll} before the tables. Adding an equal sequence again
     * is a no-op; another sequence of the same name (different start or increment) is an error.
     */
    public synchronized MetaData add(Sequence... toAdd) {
        for (Sequence s : toAdd) {
            if (s == null) throw new IllegalArgumentException("MetaData.add(Sequence...) was given null");
            String key = s.qualifiedName();
            Sequence existing = sequences.get(key);
            if (existing != null && !existing.equals(s))
                throw new IllegalArgumentException("MetaData already holds another sequence named " + key + ": "
                        + existing + ", not " + s);
            if (tables.containsKey(key))
                throw new IllegalArgumentException("MetaData already holds a table named " + key + "; a sequence cannot "
                        + "share its name (the databases keep tables and sequences in one namespace)");
            sequences.putIfAbsent(key, s);
        }
        return this;
    }

    /** The sequences, in the order they were added. */
    public synchronized List<Sequence> sequences() { return List.copyOf(sequences.values()); }

    /** The sequence named {@code name} (schema-qualified as {@code schema.name}), or an error listing the names. */
    public synchronized Sequence sequence(String name) {
        Sequence s = sequences.get(name);
        if (s == null)
            throw new IllegalArgumentException("MetaData has no sequence '" + name + "'; it has " + sequences.keySet());
        return s;
    }

    private static String key(Table t) { return t.schema() == null ? t.name() : t.schema() + "." + t.name(); }

    public synchronized List<Table> tables() { return List.copyOf(tables.values()); }

    /** The table named {@code name} (schema-qualified as {@code schema.name}), or an error listing the names. */
    public synchronized Table table(String name) {
        Table t = tables.get(name);
        if (t == null) {
            for (Table x : tables.values()) if (x.name().equalsIgnoreCase(name)) return x;
            throw new IllegalArgumentException("MetaData has no table '" + name + "'; it has " + tables.keySet());
        }
        return t;
    }

    /** Whether a table is named {@code name} (schema-qualified as {@code schema.name}). */
    public synchronized boolean contains(String name) { return tables.containsKey(name); }

    /**
     * Tables with every table after the tables it references (self-references ignored). Tables in a
     * cycle follow in declaration order; {@link #cyclicForeignKeys} names the keys that point forward.
     */
    public synchronized List<Table> sortedTables() { return sort(tables.values()); }

    /** Sorts any tables parents-first, deterministically (declaration order breaks ties). */
    public static List<Table> sort(Collection<Table> input) {
        List<Table> all = new ArrayList<>(input);
        Set<Table> done = new LinkedHashSet<>();
        boolean progress = true;
        while (done.size() < all.size() && progress) {
            progress = false;
            for (Table t : all) {
                if (done.contains(t)) continue;
                boolean ready = true;
                for (ForeignKey fk : t.foreignKeys()) {
                    Table ref = resolve(all, fk);
                    if (ref != null && ref != t && !done.contains(ref)) { ready = false; break; }
                }
                if (ready) { done.add(t); progress = true; }
            }
        }
        for (Table t : all) done.add(t); // cycle members, in declaration order
        return new ArrayList<>(done);
    }

    private static Table resolve(List<Table> all, ForeignKey fk) {
        Table ref = fk.referencedTable();
        for (Table t : all) if (t.sameTableAs(ref)) return t;
        return null;
    }

    /** Foreign keys that reference a table created after their own in {@link #sortedTables()}. */
    public synchronized List<ForeignKey> cyclicForeignKeys() {
        List<Table> order = sortedTables();
        List<ForeignKey> out = new ArrayList<>();
        for (int i = 0; i < order.size(); i++)
            for (ForeignKey fk : order.get(i).foreignKeys()) {
                Table ref = resolve(order, fk);
                if (ref != null && ref != order.get(i) && order.indexOf(ref) > i) out.add(fk);
            }
        return Collections.unmodifiableList(out);
    }

    /**
     * Untyped tables for every table of the database's current schema, with columns, primary keys,
     * foreign keys, indexes and unique constraints read back (SQLAlchemy's {@code metadata.reflect}):
     * <pre>{@code
     * MetaData md = MetaData.reflect(engine);
     * Table album = md.table("Album");
     * select(album.column("Title")).where(album.column("AlbumId", Long.class).eq(1L));
     * }</pre>
     */
    public static MetaData reflect(ReflectionSource source) { return source.reflect(null, null); }

    /** Like {@link #reflect(ReflectionSource)} for the tables of {@code schema}. */
    public static MetaData reflect(ReflectionSource source, String schema) { return source.reflect(schema, null); }

    /** Like {@link #reflect(ReflectionSource, String)} for the named tables only (schema null: the current one). */
    public static MetaData reflect(ReflectionSource source, String schema, java.util.Collection<String> tables) {
        return source.reflect(schema, List.copyOf(tables));
    }

    /**
     * CREATE SEQUENCE IF NOT EXISTS for every sequence (where the database has sequences), then
     * CREATE TABLE IF NOT EXISTS for every table and its indexes, parents first.
     */
    public void createAll(DdlTarget engine) { createAll(engine, true); }

    /** Like {@link #createAll(DdlTarget)}; {@code ifNotExists} false makes an existing table or sequence an error. */
    public void createAll(DdlTarget engine, boolean ifNotExists) { engine.createAll(this, ifNotExists); }

    /** DROP TABLE IF EXISTS for every table, children first, then DROP SEQUENCE IF EXISTS (where the database has sequences). */
    public void dropAll(DdlTarget engine) { dropAll(engine, true); }

    /** Like {@link #dropAll(DdlTarget)}; {@code ifExists} false makes a missing table or sequence an error. */
    public void dropAll(DdlTarget engine, boolean ifExists) { engine.dropAll(this, ifExists); }
}
