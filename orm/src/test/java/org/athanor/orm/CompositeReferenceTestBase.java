package org.athanor.orm;

import static org.athanor.core.sql.Sql.select;
import static org.athanor.orm.Loaders.joinedLoad;
import static org.athanor.orm.Loaders.raiseLoad;
import static org.athanor.orm.Loaders.selectinLoad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.athanor.core.engine.Connection;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.ForeignKey;
import org.athanor.core.schema.Table;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.model.ckey.CkParcel;
import org.athanor.orm.model.ckey.CkParcel_;
import org.athanor.orm.model.ckey.CkRegion;
import org.athanor.orm.model.ckey.CkRegionKey;
import org.athanor.orm.model.ckey.CkShipment;
import org.athanor.orm.model.ckey.CkShipmentId;
import org.athanor.orm.model.ckey.CkShipment_;
import org.athanor.orm.model.ckey.CkStore;
import org.athanor.orm.model.ckey.CkStore_;
import org.athanor.orm.model.ckey.CkVersion;
import org.athanor.orm.model.ckey.CkVersionId;
import org.junit.jupiter.api.Test;

/**
 * References to entities with a composite key: {@link CkParcel#getShipment()} to an {@code @IdClass} key through
 * {@code @JoinColumns} (listed out of key order, nullable), {@link CkStore#getRegion()} to an {@code @EmbeddedId}
 * with JPA's default column names (NOT NULL). The composite FOREIGN KEY, the flush writing every key column, the
 * loaders (batched by row-value IN lists), the inverse collection, joins and EXISTS over the column pairs.
 */
public abstract class CompositeReferenceTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(CkShipment.class, CkParcel.class, CkRegion.class, CkStore.class,
            CkVersion.class, org.athanor.orm.model.ckey.CkNote.class, org.athanor.orm.model.ckey.CkBadge.class,
            org.athanor.orm.model.ckey.CkHolder.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    @Override
    void deleteRows(Connection c) {
        Table v = ClassMapping.of(CkVersion.class).table();
        // MariaDB checks a self-referencing key row by row, also in one DELETE: unlink first
        c.execute(org.athanor.core.sql.Sql.update(v).set(v.column("parent_doc", String.class), (String) null)
                .set(v.column("parent_rev", Integer.class), (Integer) null));
        super.deleteRows(c);
    }

    /** Shipments (w1, 1) with parcels b, a and (w1, 2) with c; (w2, 1) without; one parcel d without a shipment. */
    void seed() {
        try (Session s = sessions.openSession()) {
            CkShipment one = new CkShipment("w1", 1, "ups"), two = new CkShipment("w1", 2, "dhl"), other = new CkShipment("w2", 1, "ups");
            s.addAll(List.of(new CkParcel("b", one), new CkParcel("a", one), new CkParcel("c", two), new CkParcel("d", null), other));
            s.commit();
        } finally {
            statements.clear();
        }
    }

    List<Object[]> parcelRows() {
        Table t = ClassMapping.of(CkParcel.class).table();
        try (Connection c = engine.connect()) {
            List<Object[]> out = new ArrayList<>();
            Column<String> label = t.column("label", String.class);
            for (var r : c.execute(select(label, t.column("ship_wh", String.class), t.column("ship_no", Integer.class))
                    .orderBy(label.asc())).all())
                out.add(new Object[] {r._1, r._2, r._3});
            return out;
        }
    }

    @Test
    void theReferenceHasOneColumnPerKeyColumnAndOneCompositeForeignKey() {
        Table parcel = ClassMapping.of(CkParcel.class).table();
        ForeignKey fk = parcel.foreignKeys().get(0);
        assertEquals(1, parcel.foreignKeys().size());
        // in the target's key order, whatever the order of the @JoinColumns
        assertEquals(List.of("ship_wh", "ship_no"), fk.columns().stream().map(Column::name).toList());
        assertEquals(List.of("warehouse", "number"), fk.referencedColumns().stream().map(Column::name).toList());
        assertTrue(fk.columns().stream().allMatch(Column::isNullable));
        Table store = ClassMapping.of(CkStore.class).table();
        assertEquals(List.of("region_country", "region_code"), store.foreignKeys().get(0).columns().stream().map(Column::name).toList());
        assertTrue(store.foreignKeys().get(0).columns().stream().noneMatch(Column::isNullable));
        assertEquals(List.of("ship_wh", "ship_no"), ClassMapping.of(CkParcel.class).toOne("shipment").columns().stream().map(Column::name).toList());
    }

    @Test
    void aFlushWritesEveryKeyColumnAndNullsForNoShipment() {
        seed();
        List<Object[]> rows = parcelRows();
        assertEquals(4, rows.size());
        assertEquals(List.of("a", "w1", 1), List.of(rows.get(0)));
        assertEquals(List.of("c", "w1", 2), List.of(rows.get(2)));
        assertNull(rows.get(3)[1]);
        assertNull(rows.get(3)[2]);
    }

    @Test
    void theCompositeForeignKeyRefusesAKeyWithNoRow() {
        seed();
        Table t = ClassMapping.of(CkParcel.class).table();
        try (Connection c = engine.connect()) {
            // (w2, 2): each value exists in some row, the pair in none
            assertThrows(org.athanor.core.error.IntegrityError.class, () -> c.execute(org.athanor.core.sql.Sql.insert(t)
                    .set(t.column("label", String.class), "x").set(t.column("ship_wh", String.class), "w2")
                    .set(t.column("ship_no", Integer.class), 2)));
        }
    }

    @Test
    void loadedReferencesComeFromOneBatchedSelectAndShareIdentity() {
        seed();
        try (Session s = sessions.openSession()) {
            List<CkParcel> parcels = s.query(CkParcel.class).orderBy(CkParcel_.label.asc()).all();
            assertEquals(2, count("SELECT"), "the parcels, then their shipments by one (warehouse, number) IN list: " + statements);
            assertSame(parcels.get(0).getShipment(), parcels.get(1).getShipment());
            assertEquals("dhl", parcels.get(2).getShipment().getCarrier());
            assertNull(parcels.get(3).getShipment());
            statements.clear();
            assertSame(parcels.get(2).getShipment(), s.get(CkShipment.class, new CkShipmentId("w1", 2)));
            assertEquals(0, statements.size(), "found in the identity map by the composite key: " + statements);
        }
    }

    @Test
    void theInverseCollectionLoadsForTheWholeResultByTheKeyPairs() {
        seed();
        try (Session s = sessions.openSession()) {
            List<CkShipment> all = s.query(CkShipment.class).orderBy(CkShipment_.warehouse.asc(), CkShipment_.number.asc()).all();
            statements.clear();
            assertEquals(List.of("a", "b"), all.get(0).getParcels().stream().map(CkParcel::getLabel).toList());
            assertEquals(List.of("c"), all.get(1).getParcels().stream().map(CkParcel::getLabel).toList());
            assertEquals(List.of(), all.get(2).getParcels());
            assertEquals(1, count("SELECT"), "one select for the three collections: " + statements);
            assertSame(all.get(0), all.get(0).getParcels().get(0).getShipment());
        }
    }

    @Test
    void selectinJoinedAndRaiseLoadGoByTheCompositeKey() {
        seed();
        try (Session s = sessions.openSession()) {
            List<CkShipment> all = s.query(CkShipment.class).options(selectinLoad(CkShipment_.parcels))
                    .orderBy(CkShipment_.warehouse.asc(), CkShipment_.number.asc()).all();
            assertEquals(2, count("SELECT"), statements.toString());
            assertEquals(List.of("a", "b"), all.get(0).getParcels().stream().map(CkParcel::getLabel).toList());
            assertEquals(2, count("SELECT"), statements.toString());
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            CkShipment one = s.query(CkShipment.class).filterBy("number", 1).filterBy("warehouse", "w1")
                    .options(joinedLoad(CkShipment_.parcels)).one();
            assertEquals(List.of("a", "b"), one.getParcels().stream().map(CkParcel::getLabel).toList());
            List<CkParcel> parcels = s.query(CkParcel.class).options(joinedLoad(CkParcel_.shipment)).orderBy(CkParcel_.label.asc()).all();
            assertEquals(2, count("SELECT"), "one per query, each joined: " + statements);
            assertSame(one, parcels.get(0).getShipment());
            assertNull(parcels.get(3).getShipment());
        }
        try (Session s = sessions.openSession()) {
            CkShipment one = s.query(CkShipment.class).options(raiseLoad(CkShipment_.parcels)).filterBy("number", 2).one();
            assertThrows(IllegalStateException.class, () -> one.getParcels().size());
        }
    }

    @Test
    void joinsHasAnyAndFilterByUseEveryKeyColumn() {
        seed();
        try (Session s = sessions.openSession()) {
            assertEquals(List.of("a", "b"), s.query(CkParcel.class).join(CkParcel_.shipment).filter(CkShipment_.number.eq(1))
                    .orderBy(CkParcel_.label.asc()).all().stream().map(CkParcel::getLabel).toList());
            // (w2, 1) is number 1 too: a join on number alone would give a and b here
            assertEquals(List.of(), s.query(CkParcel.class).join(CkParcel_.shipment).filter(CkShipment_.warehouse.eq("w2")).all());
            assertEquals(List.of(), s.query(CkParcel.class).filter(CkParcel_.shipment.has(CkShipment_.warehouse.eq("w2"))).all());
            assertEquals(List.of("c"), s.query(CkParcel.class).filter(CkParcel_.shipment.has(CkShipment_.carrier.eq("dhl")))
                    .all().stream().map(CkParcel::getLabel).toList());
            assertEquals(List.of(1), s.query(CkShipment.class).filter(CkShipment_.parcels.any(CkParcel_.label.eq("a")))
                    .all().stream().map(CkShipment::getNumber).toList());
            CkShipment two = s.get(CkShipment.class, new CkShipmentId("w1", 2));
            assertEquals(List.of("c"), s.query(CkParcel.class).filterBy("shipment", two).all().stream().map(CkParcel::getLabel).toList());
            assertEquals(List.of("d"), s.query(CkParcel.class).filterBy("shipment", null).all().stream().map(CkParcel::getLabel).toList());
        }
    }

    @Test
    void movingAParcelUpdatesBothColumnsAndTheLoadedCollections() {
        seed();
        try (Session s = sessions.openSession()) {
            CkShipment one = s.get(CkShipment.class, new CkShipmentId("w1", 1));
            CkShipment other = s.get(CkShipment.class, new CkShipmentId("w2", 1));
            assertEquals(2, one.getParcels().size());
            assertEquals(0, other.getParcels().size());
            CkParcel a = one.getParcels().get(0);
            a.setShipment(other);
            statements.clear();
            s.flush();
            assertEquals(1, count("UPDATE"), statements.toString());
            assertEquals(List.of("b"), one.getParcels().stream().map(CkParcel::getLabel).toList());
            assertEquals(List.of("a"), other.getParcels().stream().map(CkParcel::getLabel).toList());
            s.commit();
        }
        assertEquals(List.of("a", "w2", 1), List.of(parcelRows().get(0)));
        try (Session s = sessions.openSession()) {
            CkParcel a = s.query(CkParcel.class).filterBy("label", "a").one();
            a.setShipment(null);
            s.commit();
        }
        Object[] a = parcelRows().get(0);
        assertEquals("a", a[0]);
        assertNull(a[1]);
        assertNull(a[2]);
    }

    @Test
    void deletesRunChildrenFirstAndCascadeByTheCompositeKey() {
        seed();
        try (Session s = sessions.openSession()) {
            CkShipment one = s.get(CkShipment.class, new CkShipmentId("w1", 1));
            List<CkParcel> parcels = new ArrayList<>(one.getParcels());
            s.delete(one);
            for (CkParcel p : parcels) s.delete(p);
            statements.clear();
            s.commit();
            List<String> deletes = statements.stream().filter(x -> x.toUpperCase(Locale.ROOT).startsWith("DELETE")).toList();
            assertTrue(deletes.get(deletes.size() - 1).contains("ck_shipment"), "the parcels go first: " + deletes);
        }
        try (Session s = sessions.openSession()) {
            // without cascade REMOVE, deleting the shipment sets its parcels' key columns to NULL
            s.delete(s.get(CkShipment.class, new CkShipmentId("w1", 2)));
            s.commit();
        }
        assertNull(parcelRows().get(0)[1], "c's shipment went: its key columns are NULL");
        assertEquals(List.of("c", "d"), parcelRows().stream().map(r -> (String) r[0]).toList());
    }

    @Test
    void anEmbeddedIdTargetWithDefaultColumnNames() {
        try (Session s = sessions.openSession()) {
            CkRegion north = new CkRegion("fr", "n", "Nord"), south = new CkRegion("fr", "s", "Sud");
            s.addAll(List.of(new CkStore("lille", north), new CkStore("nice", south), new CkStore("arras", north)));
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            List<CkStore> stores = s.query(CkStore.class).orderBy(CkStore_.name.asc()).all();
            assertEquals(List.of("Nord", "Nord", "Sud"), stores.stream().map(x -> x.getRegion().getName()).toList());
            assertSame(stores.get(0).getRegion(), stores.get(1).getRegion());
            assertSame(stores.get(2).getRegion(), s.get(CkRegion.class, new CkRegionKey("fr", "s")));
            assertEquals(List.of("nice"), s.query(CkStore.class).join(CkStore_.region).filter(org.athanor.orm.model.ckey.CkRegion_.name.eq("Sud"))
                    .all().stream().map(CkStore::getName).toList());
            stores.get(0).setRegion(null);
            assertThrows(RuntimeException.class, s::flush, "region is optional = false: its columns are NOT NULL");
            s.rollback();
        }
        try (Session s = sessions.openSession()) {
            assertFalse(s.query(CkStore.class).all().isEmpty());
        }
    }

    @Test
    void aReferenceToItsOwnCompositeKeyIsOrderedByTheFlush() {
        try (Session s = sessions.openSession()) {
            CkVersion v1 = new CkVersion("d", 1, null), v2 = new CkVersion("d", 2, v1), v3 = new CkVersion("d", 3, v2);
            s.add(v3); // the references bring v2 and v1; v1 must be inserted first
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            CkVersion v3 = s.get(CkVersion.class, new CkVersionId("d", 3));
            assertEquals(2, v3.getParent().getRev());
            assertEquals(1, v3.getParent().getParent().getRev());
            assertNull(v3.getParent().getParent().getParent());
            assertEquals(List.of("parent_doc", "parent_rev"), ClassMapping.of(CkVersion.class).table().foreignKeys().get(0)
                    .columns().stream().map(Column::name).toList());
        }
    }

    @Test
    void aRollbackRestoresTheReferenceAndMergeResolvesIt() {
        seed();
        CkParcel detached;
        try (Session s = sessions.openSession()) {
            CkParcel a = s.query(CkParcel.class).filterBy("label", "a").one();
            CkShipment one = a.getShipment(), two = s.get(CkShipment.class, new CkShipmentId("w1", 2));
            a.setShipment(two);
            s.flush();
            s.rollback();
            assertSame(one, a.getShipment(), "the rollback puts the reference back to the object with the old key pair");
            detached = a;
        }
        try (Session s = sessions.openSession()) {
            CkParcel merged = s.merge(detached);
            assertEquals(new CkShipmentId("w1", 1), new CkShipmentId(merged.getShipment().getWarehouse(), merged.getShipment().getNumber()));
            assertSame(merged.getShipment(), s.get(CkShipment.class, new CkShipmentId("w1", 1)));
        }
    }

    @Test
    void aLazyReferenceToACompositeKeyHandsOutProxiesLoadedTogether() {
        try (Session s = sessions.openSession()) {
            CkRegion north = new CkRegion("fr", "n", "Nord"), south = new CkRegion("fr", "s", "Sud");
            s.addAll(List.of(new org.athanor.orm.model.ckey.CkNote("x", north), new org.athanor.orm.model.ckey.CkNote("y", south),
                    new org.athanor.orm.model.ckey.CkNote("z", north), new org.athanor.orm.model.ckey.CkNote("none", null)));
            s.commit();
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            List<org.athanor.orm.model.ckey.CkNote> notes = s.query(org.athanor.orm.model.ckey.CkNote.class)
                    .orderBy(org.athanor.orm.model.ckey.CkNote_.text.asc()).all();
            assertEquals(1, count("SELECT"), "the notes only: their regions are proxies " + statements);
            assertNull(notes.get(0).getRegion());
            CkRegion north = notes.get(1).getRegion();
            assertSame(north, notes.get(3).getRegion(), "one proxy per key pair");
            assertTrue(north instanceof org.athanor.orm.mapping.EntityProxy, north.getClass().getName());
            assertEquals("Nord", north.getName());
            assertEquals("Sud", notes.get(2).getRegion().getName());
            assertEquals(2, count("SELECT"), "both proxies by one (country, code) IN list: " + statements);
            assertSame(north, s.get(CkRegion.class, new CkRegionKey("fr", "n")));
            assertEquals(2, count("SELECT"), statements.toString());
        }
    }

    @Test
    void aOneToOneToACompositeKeyIsUniqueOverItsColumnsAndLoadsBothSides() {
        Table holder = ClassMapping.of(org.athanor.orm.model.ckey.CkHolder.class).table();
        assertEquals(List.of(List.of("badge_series", "badge_seq")), holder.uniqueConstraints().stream()
                .map(u -> u.columns().stream().map(Column::name).toList()).toList());
        try (Session s = sessions.openSession()) {
            org.athanor.orm.model.ckey.CkBadge b1 = new org.athanor.orm.model.ckey.CkBadge("s", 1),
                    b2 = new org.athanor.orm.model.ckey.CkBadge("s", 2);
            s.addAll(List.of(new org.athanor.orm.model.ckey.CkHolder("ann", b1), new org.athanor.orm.model.ckey.CkHolder("bob", b2)));
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            List<org.athanor.orm.model.ckey.CkBadge> badges = s.query(org.athanor.orm.model.ckey.CkBadge.class).all();
            assertEquals(java.util.Set.of("ann", "bob"), new java.util.HashSet<>(badges.stream().map(b -> b.getHolder().getName()).toList()));
            assertEquals(2, count("SELECT"), "the badges, then their holders by one (badge_series, badge_seq) IN list: " + statements);
            assertSame(badges.get(0), badges.get(0).getHolder().getBadge());
            org.athanor.orm.model.ckey.CkBadge first = badges.get(0);
            // a second holder of the same badge: the UNIQUE over the pair refuses it
            s.add(new org.athanor.orm.model.ckey.CkHolder("cy", first));
            assertThrows(org.athanor.core.error.IntegrityError.class, s::flush);
            s.rollback();
        }
    }
}
