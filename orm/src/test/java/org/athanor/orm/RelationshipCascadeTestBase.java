package org.athanor.orm;

import static org.athanor.core.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.athanor.orm.model.casc.Account;
import org.athanor.orm.model.casc.Account_;
import org.athanor.orm.model.casc.Banner;
import org.athanor.orm.model.casc.Banner_;
import org.athanor.orm.model.casc.Blog;
import org.athanor.orm.model.casc.Blog_;
import org.athanor.orm.model.casc.Entry;
import org.athanor.orm.model.casc.Entry_;
import org.athanor.orm.model.casc.Settings;
import org.athanor.orm.model.casc.Settings_;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cascades MERGE, REFRESH, DETACH and REMOVE on references ({@code @ManyToOne}, owning {@code @OneToOne}),
 * inverse one-to-ones and one-to-many collections (the many-to-many ones: ManyToManyCascadeTestBase).
 * Blog.entries has ALL, Blog.banner (inverse) MERGE/REFRESH/DETACH, Entry.blog MERGE/REFRESH/DETACH,
 * Banner.blog none, Account.settings (owning one-to-one) ALL.
 */
public abstract class RelationshipCascadeTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Blog.class, Entry.class, Banner.class, Account.class, Settings.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    long blogId;

    /** Blog "news" with entries "a" and "b" and a banner "hello". */
    @BeforeEach
    void fill() {
        try (Session s = sessions.openSession()) {
            Blog news = new Blog("news");
            Entry a = new Entry("a"), b = new Entry("b");
            news.getEntries().addAll(List.of(a, b));
            Banner banner = new Banner("hello");
            banner.setBlog(news);
            news.setBanner(banner);
            s.addAll(List.of(news, banner));
            s.commit();
            blogId = news.getId();
        }
        statements.clear();
    }

    long rows(org.athanor.core.schema.Table t) {
        return engine.fromTransaction(c -> c.scalar(select(org.athanor.core.sql.Sql.count()).from(t)));
    }

    List<String> entryTitles() {
        return engine.fromTransaction(c -> c.execute(select(Entry_.title).from(Entry_.TABLE).orderBy(Entry_.title.asc())).all()
                .stream().map(r -> r._1).toList());
    }

    String blogTitle() {
        return engine.fromTransaction(c -> c.scalar(select(Blog_.title).from(Blog_.TABLE).where(Blog_.id.eq(blogId))));
    }

    @Test
    void mergeCascadesAlongACollectionAndAnInverseOneToOne() {
        Blog detached;
        try (Session s = sessions.openSession()) {
            detached = s.get(Blog.class, blogId);
            assertEquals(2, detached.getEntries().size());
            assertNotNull(detached.getBanner());
        }
        detached.setTitle("news 2");
        detached.getEntries().get(0).setTitle("a2");
        detached.getEntries().add(new Entry("c"));
        detached.getBanner().setText("hi");
        try (Session s = sessions.openSession()) {
            Blog news = s.merge(detached);
            assertNotSame(detached, news);
            assertTrue(news.getEntries().stream().allMatch(s::contains), "the entries are the session's copies");
            assertSame(news, news.getEntries().get(0).getBlog());
            assertTrue(s.contains(news.getBanner()) && news.getBanner() != detached.getBanner());
            s.commit();
        }
        assertEquals("news 2", blogTitle());
        assertEquals(List.of("a2", "b", "c"), entryTitles());
        assertEquals("hi", engine.fromTransaction(c -> c.scalar(select(Banner_.text).from(Banner_.TABLE))));
        org.athanor.core.schema.Column<Object> blogKey = org.athanor.orm.mapping.ClassMapping.of(Entry.class).toOne("blog").column();
        assertEquals(blogId, ((Number) engine.fromTransaction(c -> c.scalar(select(blogKey).from(Entry_.TABLE)
                .where(Entry_.title.eq("c"))))).longValue());
    }

    @Test
    void mergeCascadesAlongAManyToOneAndInsertsANewReferencedObject() {
        Entry detached;
        try (Session s = sessions.openSession()) {
            detached = s.query(Entry.class).filter(Entry_.title.eq("a")).one();
        }
        detached.getBlog().setTitle("news 2");
        Entry fresh = new Entry("z");
        fresh.setBlog(new Blog("new blog"));
        try (Session s = sessions.openSession()) {
            Entry a = s.merge(detached);
            assertTrue(s.contains(a.getBlog()) && a.getBlog() != detached.getBlog());
            Entry z = s.merge(fresh);
            assertTrue(s.contains(z.getBlog()), "the new blog was merged as a new object");
            s.commit();
            assertNotNull(z.getBlog().getId());
        }
        assertEquals("news 2", blogTitle());
        long newBlogs = engine.fromTransaction(c -> c.scalar(select(org.athanor.core.sql.Sql.count()).from(Blog_.TABLE)
                .where(Blog_.title.eq("new blog"))));
        assertEquals(1L, newBlogs);
    }

    @Test
    void withoutMergeOnTheReferenceTheReferencedObjectsChangesAreNotMerged() {
        Banner detached;
        try (Session s = sessions.openSession()) {
            detached = s.query(Banner.class).one();
            detached.getBlog().getTitle();
        }
        detached.setText("changed");
        detached.getBlog().setTitle("not merged");
        try (Session s = sessions.openSession()) {
            Banner b = s.merge(detached);
            assertEquals(blogId, b.getBlog().getId(), "the reference is kept: the session's blog of that key");
            assertEquals("news", b.getBlog().getTitle());
            s.commit();
        }
        assertEquals("news", blogTitle());
        assertEquals("changed", engine.fromTransaction(c -> c.scalar(select(Banner_.text).from(Banner_.TABLE))));
    }

    @Test
    void aNewReferencedObjectWithoutMergeOnTheReferenceIsAClearError() {
        Banner fresh = new Banner("new");
        fresh.setBlog(new Blog("unsaved blog"));
        try (Session s = sessions.openSession()) {
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> s.merge(fresh));
            assertTrue(e.getMessage().contains("Banner.blog references a new Blog that is in no session; put cascade = MERGE on "
                    + "Banner.blog"), e.getMessage());
            Blog mine = new Blog("mine");
            s.add(mine);
            Banner other = new Banner("other");
            other.setBlog(mine);
            Banner copy = s.merge(other);
            assertSame(mine, copy.getBlog(), "a new object of this session is referenced as it is");
            s.commit();
            assertNotNull(mine.getId());
        }
    }

    @Test
    void refreshCascadesAlongLoadedRelationshipsWithOneSelectPerClass() {
        try (Session s = sessions.autoflush(false).openSession()) {
            Blog news = s.get(Blog.class, blogId);
            news.getEntries().forEach(e -> e.setTitle(e.getTitle() + "!"));
            news.getBanner().setText("unsaved");
            news.setTitle("unsaved");
            statements.clear();
            s.refresh(news);
            assertEquals("news", news.getTitle());
            assertEquals(List.of("a", "b"), news.getEntries().stream().map(Entry::getTitle).toList());
            assertEquals("hello", news.getBanner().getText());
            boolean anyArray = engine.dialect().features().supportsAnyArray(); // PostgreSQL: one array parameter
            // the blog's row (and its inverse one-to-one, loaded with it), then one IN select per class reached, then
            // the collection, re-read on access
            assertEquals(1, statements.stream().filter(x -> x.contains(anyArray ? "FROM casc_entry WHERE casc_entry.id = ANY(?)" : "FROM casc_entry WHERE casc_entry.id IN (?, ?)")).count(),
                    statements.toString());
            assertEquals(1, statements.stream().filter(x -> x.contains(anyArray ? "FROM casc_banner WHERE casc_banner.id = ANY(?)" : "FROM casc_banner WHERE casc_banner.id IN (?)")).count(),
                    statements.toString());
            assertEquals(5, count("SELECT"), statements.toString());
            assertFalse(s.isModified(news.getEntries().get(0)));
        }
    }

    @Test
    void refreshOfAnEntryFollowsItsManyToOne() {
        try (Session s = sessions.openSession()) {
            Entry a = s.query(Entry.class).filter(Entry_.title.eq("a")).one();
            a.getBlog().setTitle("unsaved");
            s.refresh(a);
            assertEquals("news", a.getBlog().getTitle());
        }
    }

    @Test
    void expungeCascadesAlongLoadedRelationships() {
        try (Session s = sessions.openSession()) {
            Blog news = s.get(Blog.class, blogId);
            List<Entry> entries = List.copyOf(news.getEntries());
            Banner banner = news.getBanner();
            s.expunge(news);
            assertFalse(s.contains(news));
            assertTrue(entries.stream().noneMatch(s::contains), "Blog.entries cascades DETACH");
            assertFalse(s.contains(banner), "Blog.banner cascades DETACH");
        }
        try (Session s = sessions.openSession()) {
            Banner banner = s.query(Banner.class).one();
            Blog news = banner.getBlog();
            s.expunge(banner);
            assertTrue(s.contains(news), "Banner.blog cascades nothing");
        }
    }

    @Test
    void removeOnAnOwningOneToOneDeletesTheReferencedRowAfterTheOwner() {
        long accountId;
        try (Session s = sessions.openSession()) {
            Account acc = new Account("ann", new Settings("dark"));
            s.add(acc);
            s.commit();
            accountId = acc.getId();
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            s.delete(s.get(Account.class, accountId));
            s.commit();
        }
        List<String> deletes = statements.stream().filter(x -> x.startsWith("DELETE")).toList();
        assertEquals(2, deletes.size(), statements.toString());
        assertTrue(deletes.get(0).contains("casc_account") && deletes.get(1).contains("casc_settings"),
                "the account's row (holding the key) goes first: " + deletes);
        assertEquals(0L, rows(Settings_.TABLE));
        assertEquals(0L, rows(Account_.TABLE));
    }
}
