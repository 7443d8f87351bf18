package org.athanor.orm;

import static org.athanor.core.sql.Sql.select;
import static org.athanor.orm.Loaders.joinedLoad;
import static org.athanor.orm.Loaders.noLoad;
import static org.athanor.orm.Loaders.raiseLoad;
import static org.athanor.orm.Loaders.selectinLoad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.Sql;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.mapping.Secondary;
import org.athanor.orm.model.unidircol.JcDoc;
import org.athanor.orm.model.unidircol.JcDoc_;
import org.athanor.orm.model.unidircol.JcFolder;
import org.athanor.orm.model.unidircol.JcFolder_;
import org.athanor.orm.model.unidircol.JcNode;
import org.athanor.orm.model.unidircol.JcNote;
import org.athanor.orm.model.unidircol.JcPage;
import org.junit.jupiter.api.Test;

/**
 * A unidirectional {@code @OneToMany @JoinColumn}: the owner's key in a column of the element's table that no element
 * field maps (JcFolder.docs: folder_id, cascade ALL, orphan removal; JcFolder.notes: a Set, default column notes_id, no
 * cascade; JcFolder.pages: folder_ref NOT NULL). DDL, the INSERT carrying the key, moves, orphans, deleting the owner,
 * every loader with exact statement counts, join/any/withParent, rollback, refresh, expunge, merge.
 */
public abstract class JoinColumnOneToManyTestBase extends UnidirectionalOneToManyFixture<JcFolder, JcDoc, JcNote> {
    static final Registry REGISTRY = Registry.of(JcFolder.class, JcDoc.class, JcNote.class, JcPage.class, JcNode.class);
    static final Secondary DOCS = ClassMapping.of(JcFolder.class).toMany("docs").secondary();
    static final Secondary NOTES = ClassMapping.of(JcFolder.class).toMany("notes").secondary();
    static final Secondary PAGES = ClassMapping.of(JcFolder.class).toMany("pages").secondary();
    static final List<String> DOC_NAMES = ELEMENT_NAMES;

    @Override
    Registry registry() {
        return REGISTRY;
    }

    // the fixture: folder a: docs dune, emma, notes red, blue, page p1; folder b: doc faust; folder c: nothing
    @Override JcFolder newOwner(String name) { return new JcFolder(name); }
    @Override JcDoc newElement(String title) { return new JcDoc(title); }
    @Override JcNote newTag(String text) { return new JcNote(text); }
    @Override List<JcDoc> elements(JcFolder owner) { return owner.getDocs(); }
    @Override java.util.Collection<JcNote> tags(JcFolder owner) { return owner.getNotes(); }

    @Override
    Map<String, Object> fillMore(JcFolder a) {
        JcPage p1 = new JcPage("p1");
        a.getPages().add(p1);
        return Map.of("p1", p1);
    }

    @Override
    void checkFill() {
        assertEquals(4, count("INSERT"), "folders, then docs, notes and pages with the folders' keys: " + statements);
        assertEquals(0, count("UPDATE"), "the INSERTs carry the key: " + statements);
    }

    static List<String> titles(java.util.Collection<JcDoc> ds) { return ds.stream().map(JcDoc::getTitle).toList(); }

    static List<String> texts(java.util.Collection<JcNote> ns) { return ns.stream().map(JcNote::getText).toList(); }

    List<JcFolder> folders(Session s, LoadOption... options) {
        return s.query(JcFolder.class).orderBy(JcFolder_.name.asc()).options(options).all();
    }

    @Test
    void theKeyColumnsArePartOfTheElementTables() {
        org.athanor.core.schema.Table docTable = ClassMapping.of(JcDoc.class).table();
        assertTrue(DOCS.inElementTable() && DOCS.table() == docTable, "the element's own mapped table");
        assertEquals("folder_id", DOCS.local().name());
        assertTrue(docTable.columns().contains(DOCS.local()));
        assertTrue(DOCS.local().isNullable());
        assertEquals("notes_id", NOTES.local().name(), "JPA's default: <attribute>_<owner key column>");
        assertFalse(PAGES.local().isNullable(), "nullable = false");
        assertEquals(1, docTable.foreignKeys().size());
        assertEquals("fk_ujc_doc_folder", docTable.foreignKeys().get(0).name());
        assertEquals(ClassMapping.of(JcFolder.class).table(), docTable.foreignKeys().get(0).referencedTable());
        assertEquals(1, ClassMapping.of(JcDoc.class).attributes().size() - 1, "no attribute for the column: id and title");
        assertFalse(JcFolder_.docs.isManyToMany(), "joins as a one-to-many");
        assertTrue(ClassMapping.of(JcFolder.class).toMany("docs").joinColumnOneToMany());
        // Core infers the ON clause from the foreign key
        String sql = select(Sql.count()).from(JcFolder_.TABLE.join(docTable)).toString();
        assertTrue(sql.contains("folder_id"), sql);
        assertEquals(new TreeSet<>(List.of("a:dune", "a:emma", "b:faust")), links(DOCS, DOC_NAMES));
        assertEquals(new TreeSet<>(List.of("a:blue", "a:red")), links(NOTES, List.of("red", "blue")));
        assertEquals(new TreeSet<>(List.of("a:p1")), links(PAGES, List.of("p1")));
        // createAll made the constraints: a key naming no folder is refused, and pages need one
        assertThrows(IntegrityError.class, () -> TestDb.tx(engine, c -> c.execute(setKey(DOCS, -1L, ids.get("dune")))));
        assertThrows(IntegrityError.class, () -> TestDb.tx(engine, c -> c.execute(setKey(PAGES, null, ids.get("p1")))));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static org.athanor.core.sql.Update setKey(Secondary s, Object owner, Object element) {
        Column local = s.local();
        return org.athanor.orm.internal.mapping.Values.setValue(Sql.update(s.table()), local, owner).where(s.remote().eq(element));
    }

    @Test
    void lazyCollectionsLoadOncePerResult() {
        try (Session s = sessions.openSession()) {
            List<JcFolder> folders = folders(s);
            assertEquals(1, count("SELECT"));
            assertEquals(List.of("dune", "emma"), titles(folders.get(0).getDocs()), "@OrderBy(\"title\")");
            assertEquals(2, count("SELECT"), "one select for the three folders' docs: " + statements);
            assertFalse(statements.get(1).toUpperCase().contains("JOIN"), "the key column is in the element's rows: " + statements.get(1));
            assertEquals(List.of("faust"), titles(folders.get(1).getDocs()));
            assertEquals(List.of(), titles(folders.get(2).getDocs()));
            assertEquals(2, count("SELECT"));
            assertEquals(List.of("red", "blue"), texts(folders.get(0).getNotes()), "@OrderBy(\"text DESC\") on a Set");
            assertEquals(List.of(), texts(folders.get(1).getNotes()));
            assertEquals(3, count("SELECT"));
        }
    }

    @Test
    void selectinJoinedRaiseAndNoLoad() {
        try (Session s = sessions.openSession()) {
            List<JcFolder> folders = folders(s, selectinLoad(JcFolder_.docs), selectinLoad(JcFolder_.notes));
            assertEquals(3, count("SELECT"), statements.toString());
            assertEquals(List.of("dune", "emma"), titles(folders.get(0).getDocs()));
            assertEquals(List.of("red", "blue"), texts(folders.get(0).getNotes()));
            assertEquals(List.of("faust"), titles(folders.get(1).getDocs()));
            assertEquals(3, count("SELECT"));
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            List<JcFolder> folders = folders(s, joinedLoad(JcFolder_.docs));
            assertEquals(1, count("SELECT"));
            assertEquals(1, statements.get(0).toUpperCase(java.util.Locale.ROOT).split("LEFT OUTER JOIN").length - 1,
                    "the element's table once, ON its key column: " + statements.get(0));
            assertEquals(List.of("a", "b", "c"), folders.stream().map(JcFolder::getName).toList(), "parents de-duplicated");
            assertEquals(List.of("dune", "emma"), titles(folders.get(0).getDocs()));
            assertEquals(List.of("faust"), titles(folders.get(1).getDocs()));
            assertEquals(List.of(), titles(folders.get(2).getDocs()));
            JcFolder first = s.query(JcFolder.class).orderBy(JcFolder_.name.asc()).options(joinedLoad(JcFolder_.notes)).first();
            assertEquals(2, count("SELECT"), "the limit counts folders (a subquery)");
            assertEquals(List.of("red", "blue"), texts(first.getNotes()));
            assertEquals(2, count("SELECT"));
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            List<JcFolder> folders = s.query(JcFolder.class).join(JcFolder_.docs).filter(JcDoc_.title.eq("emma"))
                    .options(Loaders.containsEager(JcFolder_.docs)).all();
            assertEquals(1, count("SELECT"));
            assertEquals(List.of("emma"), titles(folders.get(0).getDocs()), "the rows the query's own join kept");
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            JcFolder a = s.query(JcFolder.class).filterBy("name", "a").options(raiseLoad(JcFolder_.docs), noLoad(JcFolder_.notes)).one();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> a.getDocs().size());
            assertTrue(e.getMessage().contains("selectinLoad(JcFolder_.docs)"), e.getMessage());
            assertEquals(0, a.getNotes().size());
            assertEquals(1, count("SELECT"));
        }
    }

    @Test
    void joinAnyAndWithParent() {
        try (Session s = sessions.openSession()) {
            assertEquals(List.of("a"), s.query(JcFolder.class).join(JcFolder_.docs).filter(JcDoc_.title.eq("emma")).all()
                    .stream().map(JcFolder::getName).toList());
            assertEquals(List.of("b"), s.query(JcFolder.class).filter(JcFolder_.docs.any(JcDoc_.title.eq("faust"))).all()
                    .stream().map(JcFolder::getName).toList());
            assertEquals(List.of("c"), s.query(JcFolder.class).filter(Sql.not(JcFolder_.docs.any())).all()
                    .stream().map(JcFolder::getName).toList());
            assertEquals(List.of("c"), s.query(JcFolder.class).outerJoin(JcFolder_.docs).filter(JcDoc_.title.isNull()).all()
                    .stream().map(JcFolder::getName).toList());
            JcFolder a = s.get(JcFolder.class, ids.get("a"));
            statements.clear();
            assertEquals(List.of("dune", "emma"), titles(s.query(JcDoc.class).withParent(a, JcFolder_.docs)
                    .orderBy(JcDoc_.title.asc()).all()));
            assertEquals(1, count("SELECT"), "no collection loaded: " + statements);
        }
    }

    @Test
    void movingAnElementBetweenOwnersIsOneUpdate() {
        try (Session s = sessions.openSession()) {
            List<JcFolder> folders = folders(s, selectinLoad(JcFolder_.docs));
            JcFolder a = folders.get(0), b = folders.get(1);
            JcDoc dune = a.getDocs().get(0);
            a.getDocs().remove(dune); // orphanRemoval marks it, the add gives it an owner again
            b.getDocs().add(dune);
            statements.clear();
            s.commit();
            assertEquals(1, count("UPDATE"), statements.toString());
            assertEquals(0, count("DELETE"), statements.toString());
            assertEquals(0, count("INSERT"), statements.toString());
            assertTrue(s.contains(dune));
        }
        assertEquals(new TreeSet<>(List.of("a:emma", "b:dune", "b:faust")), links(DOCS, DOC_NAMES));
    }

    @Test
    void anElementAddedToASecondOwnerMovesAtTheFlush() {
        // no reference on the element: the collection the element was added to last decides its key column
        try (Session s = sessions.openSession()) {
            JcFolder a = s.get(JcFolder.class, ids.get("a")), c = s.get(JcFolder.class, ids.get("c"));
            JcNote red = a.getNotes().iterator().next();
            c.getNotes().add(red);
            statements.clear();
            s.commit();
            assertEquals(1, count("UPDATE"), statements.toString());
        }
        assertEquals(new TreeSet<>(List.of("a:blue", "c:red")), links(NOTES, List.of("red", "blue")));
    }

    @Test
    void removingWithoutOrphanRemovalNullsTheKeyColumn() {
        try (Session s = sessions.openSession()) {
            JcFolder a = s.get(JcFolder.class, ids.get("a"));
            JcNote red = a.getNotes().iterator().next();
            a.getNotes().remove(red);
            a.getNotes().add(red);
            a.getNotes().add(red); // a Set: once
            a.getNotes().remove(red);
            statements.clear();
            s.commit();
            assertEquals(1, count("UPDATE"), statements.toString());
            assertTrue(s.contains(red));
        }
        assertEquals(new TreeSet<>(List.of("-:red", "a:blue")), links(NOTES, List.of("red", "blue")));
        assertEquals(2, rows(ClassMapping.of(JcNote.class).table()));
    }

    @Test
    void orphanRemovalDeletesTheRemovedElement() {
        try (Session s = sessions.openSession()) {
            JcFolder a = s.get(JcFolder.class, ids.get("a"));
            a.getPages().size(); // loaded first: a lazy load autoflushes
            JcDoc emma = a.getDocs().get(1);
            JcDoc fresh = new JcDoc("fresh");
            a.getDocs().add(fresh);
            a.getDocs().remove(fresh); // a pending orphan: expunged, never inserted
            assertFalse(s.contains(fresh));
            a.getDocs().remove(emma);
            a.getPages().remove(0);
            statements.clear();
            s.commit();
            assertEquals(2, count("DELETE"), "emma, p1: " + statements);
            assertEquals(0, count("UPDATE") + count("INSERT"), statements.toString());
            assertNull(s.get(JcDoc.class, ids.get("emma")));
        }
        assertEquals(new TreeSet<>(List.of("a:dune", "b:faust")), links(DOCS, DOC_NAMES));
        assertEquals(0, rows(PAGES.table()));
    }

    @Test
    void deletingTheOwnerCascadesToItsDocsAndPagesAndUnlinksItsNotes() {
        try (Session s = sessions.openSession()) {
            JcFolder a = s.get(JcFolder.class, ids.get("a"));
            s.delete(a);
            statements.clear();
            s.commit();
            assertEquals(2, count("SELECT"), "docs and pages, loaded for the cascade: " + statements);
            assertEquals(1, count("UPDATE"), "the notes' key column set to NULL: " + statements);
            assertEquals(3, count("DELETE"), "docs, pages, the folder: " + statements);
        }
        assertEquals(new TreeSet<>(List.of("b:faust")), links(DOCS, DOC_NAMES));
        assertEquals(new TreeSet<>(List.of("-:blue", "-:red")), links(NOTES, List.of("red", "blue")));
        assertEquals(0, rows(PAGES.table()));
    }

    @Test
    void deletingAnElementDeletesItsRowAndLeavesTheLoadedCollection() {
        try (Session s = sessions.openSession()) {
            JcFolder a = s.get(JcFolder.class, ids.get("a"));
            JcNote red = a.getNotes().iterator().next();
            s.delete(red);
            statements.clear();
            s.commit();
            assertEquals(1, count("DELETE"), statements.toString());
            assertEquals(0, count("UPDATE"), statements.toString());
            assertEquals(List.of("blue"), texts(a.getNotes()));
        }
        assertEquals(new TreeSet<>(List.of("a:blue")), links(NOTES, List.of("red", "blue")));
    }

    @Test
    void newElementsOfAPersistentOwnerAreInsertedWithItsKey() {
        try (Session s = sessions.openSession()) {
            JcFolder c = s.get(JcFolder.class, ids.get("c"));
            c.getPages().size(); // loaded first: a lazy load autoflushes
            JcDoc g = new JcDoc("gogol"), h = new JcDoc("hesse");
            c.getDocs().add(h);
            c.getDocs().add(g);
            c.getPages().add(new JcPage("p2"));
            assertTrue(s.contains(g), "save-update cascade at once");
            statements.clear();
            s.commit();
            assertEquals(2, count("INSERT"), "the docs, the page: " + statements);
            assertEquals(0, count("UPDATE"), statements.toString());
            ids.put("gogol", g.getId());
            ids.put("hesse", h.getId());
            assertEquals(List.of("hesse", "gogol"), titles(c.getDocs()), "a loaded collection keeps its order until re-read");
        }
        assertEquals(new TreeSet<>(List.of("a:dune", "a:emma", "b:faust", "c:gogol", "c:hesse")), links(DOCS, DOC_NAMES));
        try (Session s = sessions.openSession()) {
            assertEquals(List.of("gogol", "hesse"), titles(s.get(JcFolder.class, ids.get("c")).getDocs()));
        }
    }

    @Test
    void anElementFlushedBeforeItsOwnerIsLinkedByAnUpdate() {
        try (Session s = sessions.openSession()) {
            JcDoc loose = new JcDoc("loose");
            s.add(loose);
            s.flush();
            JcFolder c = s.get(JcFolder.class, ids.get("c"));
            c.getDocs().add(loose);
            statements.clear();
            s.commit();
            assertEquals(1, count("UPDATE"), statements.toString());
            ids.put("gogol", loose.getId());
        }
        assertTrue(links(DOCS, DOC_NAMES).contains("c:gogol"));
    }

    @Test
    void cascadeAllReachesExpungeAndRefresh() {
        try (Session s = sessions.openSession()) {
            JcFolder a = s.get(JcFolder.class, ids.get("a"));
            JcDoc dune = a.getDocs().get(0);
            JcNote red = a.getNotes().iterator().next();
            s.expunge(a);
            assertFalse(s.contains(dune), "cascade ALL includes DETACH: the loaded docs leave with the folder");
            assertTrue(s.contains(red), "no cascade on notes");
        }
        try (Session s = sessions.openSession()) {
            JcFolder a = s.get(JcFolder.class, ids.get("a"));
            JcDoc dune = a.getDocs().get(0);
            JcNote red = a.getNotes().iterator().next();
            dune.setTitle("changed");
            red.setText("changed");
            s.refresh(a);
            assertEquals("dune", dune.getTitle(), "cascade ALL includes REFRESH");
            assertEquals("changed", red.getText(), "no cascade on notes");
        }
    }

    @Test
    void detachedAccessToAnUnloadedCollectionFails() {
        JcFolder a;
        try (Session s = sessions.openSession()) {
            a = s.get(JcFolder.class, ids.get("a"));
        }
        assertThrows(DetachedInstanceError.class, () -> a.getDocs().size());
    }

    @Test
    void mergeCopiesTheCollection() {
        JcFolder a;
        try (Session s = sessions.openSession()) {
            a = s.get(JcFolder.class, ids.get("a"));
            a.getDocs().size();
        }
        a.getDocs().remove(0); // dune: removed from the detached copy
        a.getDocs().add(new JcDoc("gogol"));
        try (Session s = sessions.openSession()) {
            JcFolder merged = s.merge(a);
            assertEquals(List.of("emma", "gogol"), titles(merged.getDocs()));
            s.commit();
            ids.put("gogol", merged.getDocs().get(1).getId());
        }
        assertEquals(new TreeSet<>(List.of("a:emma", "a:gogol", "b:faust")), links(DOCS, DOC_NAMES));
    }

    @Test
    void rollbackForgetsTheFlushedAndUnflushedChanges() {
        try (Session s = sessions.openSession()) {
            JcFolder a = s.get(JcFolder.class, ids.get("a"));
            a.getDocs().add(new JcDoc("ibsen"));
            s.flush();
            a.getDocs().remove(0);
            s.rollback();
            assertEquals(List.of("dune", "emma"), titles(a.getDocs()), "reloaded as the database has it");
            statements.clear();
            s.commit();
            assertEquals(0, statements.size(), statements.toString());
        }
        assertEquals(new TreeSet<>(List.of("a:dune", "a:emma", "b:faust")), links(DOCS, DOC_NAMES));
        assertEquals(3, rows(ClassMapping.of(JcDoc.class).table()));
    }

    @Test
    void aTreeOfOneTableIsInsertedInLevelsLoadedAndDeleted() {
        Long rootId;
        try (Session s = sessions.openSession()) {
            JcNode root = new JcNode("root"), x = new JcNode("x"), y = new JcNode("y"), x1 = new JcNode("x1");
            root.getChildren().add(y);
            root.getChildren().add(x);
            x.getChildren().add(x1);
            s.add(root);
            statements.clear();
            s.commit();
            assertEquals(3, count("INSERT"), "a level per INSERT, each with its parents' keys: " + statements);
            assertEquals(0, count("UPDATE"), statements.toString());
            rootId = root.getId();
        }
        try (Session s = sessions.openSession()) {
            JcNode root = s.get(JcNode.class, rootId);
            statements.clear();
            assertEquals(List.of("x", "y"), root.getChildren().stream().map(JcNode::getName).toList());
            assertEquals(List.of("x1"), root.getChildren().get(0).getChildren().stream().map(JcNode::getName).toList());
            assertEquals(List.of(), root.getChildren().get(1).getChildren());
            assertEquals(2, count("SELECT"), "x's and y's children in one: " + statements);
            s.delete(root);
            statements.clear();
            s.commit();
            assertEquals(1, count("UPDATE"), "the deleted nodes' children unlinked first (one table): " + statements);
            assertEquals(1, count("DELETE"), "the four nodes: " + statements);
        }
        assertEquals(0, rows(ClassMapping.of(JcNode.class).table()));
    }
}
