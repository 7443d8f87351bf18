package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.inspect.ForeignKeyInfo;
import org.athanor.core.schema.ForeignKey;
import org.athanor.core.schema.ReferentialAction;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.model.ondelete.Doc;
import org.athanor.orm.model.ondelete.Folder;
import org.junit.jupiter.api.Test;

/**
 * {@code @OnDelete} on references: the mapped Core table's FOREIGN KEY carries the action, {@code createAll}
 * creates it (read back with the inspector), and the database applies it when the session deletes the
 * referenced row: CASCADE deletes the docs, SET_NULL clears the column, RESTRICT refuses the delete.
 */
public abstract class OnDeleteTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Folder.class, Doc.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    @Test
    void theCoreTableCarriesTheActions() {
        Map<String, ReferentialAction> byColumn = ClassMapping.of(Doc.class).table().foreignKeys().stream()
                .collect(Collectors.toMap(fk -> fk.columns().get(0).name(), ForeignKey::onDelete));
        assertEquals(Map.of("folder_id", ReferentialAction.CASCADE, "archive_id", ReferentialAction.SET_NULL,
                "guard_id", ReferentialAction.RESTRICT), byColumn);
    }

    @Test
    void createAllCreatesTheActions() {
        Map<String, ReferentialAction> byColumn = engine.inspect().foreignKeys("od_doc").stream()
                .collect(Collectors.toMap(fk -> fk.columns().get(0).toLowerCase(Locale.ROOT), ForeignKeyInfo::onDelete));
        assertEquals(ReferentialAction.CASCADE, byColumn.get("folder_id"));
        assertEquals(ReferentialAction.SET_NULL, byColumn.get("archive_id"));
        assertEquals(3, byColumn.size(), byColumn::toString);
    }

    /** {@code @JoinColumn(foreignKey = @ForeignKey(name = ...))} names the constraint: in the Core table and in the database. */
    @Test
    void aNamedForeignKeyKeepsItsName() {
        ForeignKey mapped = ClassMapping.of(Doc.class).table().foreignKeys().stream()
                .filter(fk -> fk.columns().get(0).name().equals("guard_id")).findFirst().orElseThrow();
        assertEquals("od_doc_guard_fk", mapped.name());
        ForeignKeyInfo read = engine.inspect().foreignKeys("od_doc").stream()
                .filter(fk -> fk.columns().get(0).equalsIgnoreCase("guard_id")).findFirst().orElseThrow();
        assertEquals("od_doc_guard_fk", read.name(), read.toString());
    }

    @Test
    void theDatabaseCascadesAndSetsNull() {
        Long home, old;
        try (Session s = sessions.openSession()) {
            Folder h = new Folder("home"), o = new Folder("old"), other = new Folder("other");
            s.add(new Doc("a", h, o, null));
            s.add(new Doc("b", h, null, null));
            s.add(new Doc("c", other, o, null));
            s.commit();
            home = h.getId();
            old = o.getId();
        }
        try (Session s = sessions.openSession()) {
            s.delete(s.get(Folder.class, home));
            s.delete(s.get(Folder.class, old));
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            List<Doc> docs = s.query(Doc.class).all();
            assertEquals(List.of("c"), docs.stream().map(Doc::getTitle).toList(), "docs in the deleted folder are gone");
            assertEquals("other", docs.get(0).getFolder().getName());
            assertNull(docs.get(0).getArchive(), "the deleted archive folder is cleared by the database");
        }
    }

    @Test
    void restrictRefusesTheDeleteAndTheSessionStaysUsable() {
        Long guardId;
        try (Session s = sessions.openSession()) {
            Folder f = new Folder("f"), g = new Folder("guard");
            s.add(new Doc("d", f, null, g));
            s.commit();
            guardId = g.getId();
        }
        try (Session s = sessions.openSession()) {
            s.delete(s.get(Folder.class, guardId));
            assertThrows(IntegrityError.class, s::commit);
            s.rollback();
            assertEquals("guard", s.get(Folder.class, guardId).getName());
            assertEquals(1, s.query(Doc.class).all().size());
        }
    }
}
