package org.athanor.orm;

import static org.athanor.core.sql.Sql.deleteFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.athanor.core.engine.Engine;
import org.athanor.orm.mapping.EntityProxy;
import org.athanor.orm.model.lazy.Author;
import org.athanor.orm.model.lazy.Author_;
import org.athanor.orm.model.lazy.Story;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code fetch = LAZY} to-one references (issue 15): the session hands out generated proxies
 * ({@code Author_Proxy extends Author}) registered in the identity map, loads every unloaded proxy of one
 * result with one select on first use, and its own reads (dirty check, flush, cascades) never load one.
 * Statement counts are exact, from the session's statement report.
 */
public abstract class LazyToOneTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Author.class, Story.class);
    /** Ids by name: authors Ann, Bob, Cy (with stories) and Dee (featured only); stories s1..s4. */
    final Map<String, Long> ids = new HashMap<>();

    @Override
    Registry registry() {
        return REGISTRY;
    }

    @Override
    SessionFactory sessionFactory(Engine engine) {
        return SessionFactory.of(engine, REGISTRY).withStatementReport();
    }

    /** s1, s2 by Ann (s1 features Bob, s2 features Dee), s3 by Bob, s4 by Cy. */
    @BeforeEach
    void fourStoriesByThreeAuthors() {
        ids.clear();
        try (Session s = sessions.openSession()) {
            Author ann = new Author("Ann", 1), bob = new Author("Bob", 2), cy = new Author("Cy", 3), dee = new Author("Dee", 4);
            Story s1 = new Story("s1", ann), s2 = new Story("s2", ann), s3 = new Story("s3", bob), s4 = new Story("s4", cy);
            s1.setFeatured(bob);
            s2.setFeatured(dee);
            s.addAll(List.of(s1, s2, s3, s4, dee));
            s.commit();
            for (Author a : List.of(ann, bob, cy, dee)) ids.put(a.getName(), a.getId());
            for (Story st : List.of(s1, s2, s3, s4)) ids.put(st.getTitle(), st.getId());
        }
    }

    private static Map<String, Story> byTitle(List<Story> stories) {
        Map<String, Story> out = new HashMap<>();
        for (Story st : stories) out.put(st.getTitle(), st);
        return out;
    }

    @Test
    void aLazyReferenceIsAProxyAndTheFirstUseLoadsEveryProxyOfTheResultInOneSelect() {
        try (Session s = sessions.openSession()) {
            Map<String, Story> st = byTitle(s.query(Story.class).all());
            Author ann = st.get("s1").getAuthor();
            assertInstanceOf(EntityProxy.class, ann);
            assertEquals("Author_Proxy", ann.getClass().getSimpleName());
            assertSame(ann, st.get("s2").getAuthor(), "one object per row");
            assertSame(st.get("s1").getFeatured(), st.get("s3").getAuthor(), "Bob: one proxy for both references");
            assertEquals(ids.get("Ann"), ann.getId()); // the key is known: no statement
            assertEquals(Map.of("query Story", 1L), s.statementReport().byOrigin());
            assertEquals("Ann", ann.getName());
            assertEquals(Map.of("query Story", 1L, "lazy load Story.author", 1L), s.statementReport().byOrigin());
            assertEquals(1, ann.loads());
            // the result's other proxies of Story.author came with it
            assertEquals("Bob", st.get("s3").getAuthor().getName());
            assertEquals(3, st.get("s4").getAuthor().getRank());
            assertEquals(1, s.statementReport().count("lazy load Story.author"));
            // Dee is only a featured author: the Story.featured group loads on its own first use
            assertEquals("Dee", st.get("s2").getFeatured().getName());
            assertNull(st.get("s3").getFeatured());
            assertEquals(Map.of("query Story", 1L, "lazy load Story.author", 1L, "lazy load Story.featured", 1L),
                    s.statementReport().byOrigin());
            assertEquals(Map.of("Story.author", 1, "Story.featured", 1), s.statementReport().lazyLoads());
            // loaded proxies are plain objects now: their collections load as any other's
            assertEquals(List.of("s1", "s2"), ann.getStories().stream().map(Story::getTitle).sorted().toList());
            assertEquals(4, s.statementReport().total());
        }
    }

    @Test
    void proxyLoadsCountAgainstTheLazyLoadLimitBeforeAnyStatement() {
        try (Session s = sessions.raiseLazyLoadsOver(1).openSession()) {
            Story s1 = s.get(Story.class, ids.get("s1"));
            assertEquals("Ann", s1.getAuthor().getName()); // the first lazy load of Story.author: within the limit
            Story s4 = s.get(Story.class, ids.get("s4")); // another result: its own group
            LazyLoadLimitError e = assertThrows(LazyLoadLimitError.class, () -> s4.getAuthor().getName());
            assertEquals("Story.author was lazily loaded 2 times in this session (limit 1): an N+1; load it with the query "
                    + "instead, e.g. options(joinedLoad(Story_.author))", e.getMessage());
            assertEquals(1, s.statementReport().count("lazy load Story.author"), "refused before its statement");
        }
    }

    @Test
    void aJoinedLoadOrAnObjectAlreadyInTheSessionNeedsNoProxy() {
        try (Session s = sessions.openSession()) {
            Author ann = s.get(Author.class, ids.get("Ann"));
            Story s1 = s.get(Story.class, ids.get("s1"));
            assertSame(ann, s1.getAuthor());
            assertFalse(ann instanceof EntityProxy);
            List<Story> all = s.query(Story.class).options(Loaders.joinedLoad(org.athanor.orm.model.lazy.Story_.author)).all();
            // Bob's proxy (s1.featured) is filled in place by the joined row: every author is loaded
            for (Story st : all) assertTrue(st.getAuthor().getName().length() > 1, st.getTitle());
            assertSame(s1.getFeatured(), all.stream().filter(x -> x.getTitle().equals("s3")).findFirst().orElseThrow().getAuthor());
            assertEquals(0, s.statementReport().count("lazy load Story.author"));
            assertEquals(3, s.statementReport().total());
        }
        try (Session s = sessions.openSession()) {
            // selectinLoad on a LAZY reference: loaded with the query, as an eager one (1 batched select), no proxy
            List<Story> all = s.query(Story.class).options(Loaders.selectinLoad(org.athanor.orm.model.lazy.Story_.author)).all();
            for (Story st : all) assertFalse(st.getAuthor() instanceof EntityProxy, st.getTitle());
            assertEquals(Map.of("query Story", 1L, "load Story.author", 1L), s.statementReport().byOrigin());
        }
    }

    @Test
    void getAndQueriesReturnTheProxyAndFillItInPlace() {
        try (Session s = sessions.openSession()) {
            Map<String, Story> st = byTitle(s.query(Story.class).all());
            Author cy = st.get("s4").getAuthor();
            assertSame(cy, s.get(Author.class, ids.get("Cy")), "get returns the proxy, loaded");
            assertEquals(1, s.statementReport().count("get Author"));
            assertEquals("Cy", cy.getName());
            assertEquals(1, cy.loads());
            Author ann = st.get("s1").getAuthor();
            List<Author> found = s.query(Author.class).filter(Author_.name.eq("Ann")).all();
            assertSame(ann, found.get(0), "a query's row fills the proxy: no second instance");
            assertEquals(1, ann.getRank());
            assertEquals(0, s.statementReport().count("lazy load Story.author"), s.statementReport().toString());
            assertEquals(3, s.statementReport().total());
        }
    }

    @Test
    void theSessionsOwnReadsNeverLoadAProxyAndChangesThroughItAreFlushed() {
        try (Session s = sessions.openSession()) {
            Map<String, Story> st = byTitle(s.query(Story.class).all());
            assertTrue(s.getDirty().isEmpty());
            s.flush(); // the dirty check reads every proxy's fields (the unread rank is 0): nothing to write
            assertEquals(Map.of("query Story", 1L), s.statementReport().byOrigin());
            Author bob = st.get("s3").getAuthor();
            bob.setRank(20); // loads the group first, then changes the loaded value
            assertEquals(Long.valueOf(1), Long.valueOf(s.statementReport().count("lazy load Story.author")));
            s.commit();
            assertEquals(Map.of("query Story", 1L, "lazy load Story.author", 1L, "flush", 1L), s.statementReport().byOrigin());
        }
        try (Session s = sessions.openSession()) {
            Author bob = s.get(Author.class, ids.get("Bob"));
            assertEquals(20, bob.getRank());
            assertEquals("Bob", bob.getName());
            Author ann = s.get(Author.class, ids.get("Ann"));
            assertEquals(1, ann.getRank(), "the other proxies were loaded, not written");
            assertEquals(ann.getVersion() + 1, bob.getVersion(), "one UPDATE, checked against the version of the row read");
        }
    }

    @Test
    void settingALazyReferenceToAnotherObjectOrNullIsFlushedWithoutLoadingIt() {
        try (Session s = sessions.openSession()) {
            Map<String, Story> st = byTitle(s.query(Story.class).all());
            st.get("s1").setAuthor(st.get("s4").getAuthor()); // Cy's proxy: its key is all the flush needs
            st.get("s1").setFeatured(null);
            Story s5 = new Story("s5", st.get("s3").getAuthor()); // a new object referencing a proxy
            s.add(s5);
            s.commit();
            // one UPDATE of s1 (both keys), one INSERT of s5
            assertEquals(Map.of("query Story", 1L, "flush", 2L), s.statementReport().byOrigin());
            assertEquals(Map.of(), s.statementReport().lazyLoads());
        }
        try (Session s = sessions.openSession()) {
            Map<String, Story> st = byTitle(s.query(Story.class).all());
            assertEquals(ids.get("Cy"), st.get("s1").getAuthor().getId());
            assertNull(st.get("s1").getFeatured());
            assertEquals("Bob", st.get("s5").getAuthor().getName());
        }
    }

    @Test
    void equalsAndHashCodeOfAProxyAreTheEntitys() {
        Author loaded;
        try (Session s = sessions.openSession()) {
            loaded = s.get(Author.class, ids.get("Ann"));
        }
        try (Session s = sessions.openSession()) {
            Author proxy = s.get(Story.class, ids.get("s1")).getAuthor();
            assertInstanceOf(EntityProxy.class, proxy);
            assertNotSame(loaded, proxy);
            assertEquals(loaded, proxy);
            assertEquals(proxy, loaded);
            assertEquals(loaded.hashCode(), proxy.hashCode());
            Set<Author> set = new HashSet<>(List.of(loaded));
            assertTrue(set.contains(proxy));
            assertEquals("Author(" + ids.get("Ann") + ")", proxy.toString());
        }
    }

    @Test
    void deleteRefreshAndMergeOfProxies() {
        try (Session s = sessions.openSession()) {
            Map<String, Story> st = byTitle(s.query(Story.class).all());
            Author cy = st.get("s4").getAuthor();
            s.delete(cy); // read first (its version and @PreRemove need the row); the cascade deletes s4
            assertEquals(1, s.statementReport().count("lazy load Story.author"));
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            assertNull(s.get(Author.class, ids.get("Cy")));
            assertNull(s.get(Story.class, ids.get("s4")));
            Author ann = s.get(Story.class, ids.get("s1")).getAuthor();
            s.refresh(ann);
            assertEquals("Ann", ann.getName());
            assertEquals(0, s.statementReport().count("lazy load Story.author"), "refresh filled it");
        }
        Author unloaded;
        Story detached;
        try (Session s = sessions.openSession()) {
            detached = s.get(Story.class, ids.get("s3"));
            unloaded = detached.getAuthor();
        }
        detached.setTitle("s3 merged");
        try (Session s = sessions.openSession()) {
            Author bob = s.merge(unloaded); // no state to copy: the session's object for the row
            assertEquals("Bob", bob.getName());
            assertEquals(2, bob.getRank());
            Story merged = s.merge(detached);
            assertSame(bob, merged.getAuthor());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.add(unloaded));
            assertTrue(e.getMessage().startsWith("cannot add an unloaded proxy of Author from another session"), e.getMessage());
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            assertEquals("s3 merged", s.get(Story.class, ids.get("s3")).getTitle());
            assertEquals(2, s.get(Author.class, ids.get("Bob")).getRank());
        }
    }

    @Test
    void accessAfterTheSessionClosedIsTheDetachedError() {
        Story s1;
        Author ann;
        try (Session s = sessions.openSession()) {
            s1 = s.get(Story.class, ids.get("s1"));
            ann = s1.getAuthor();
        }
        assertEquals(ids.get("Ann"), ann.getId());
        DetachedInstanceError e = assertThrows(DetachedInstanceError.class, ann::getName);
        assertTrue(e.getMessage().startsWith("Story(" + ids.get("s1") + ").author \u2192 Author " + ids.get("Ann")
                + " is an unloaded proxy (fetch = LAZY), and its session is closed"), e.getMessage());
        try (Session s = sessions.openSession()) {
            Author bob = s.get(Story.class, ids.get("s3")).getAuthor();
            s.expunge(bob);
            DetachedInstanceError e2 = assertThrows(DetachedInstanceError.class, bob::getRank);
            assertTrue(e2.getMessage().contains("its session is no longer holding it"), e2.getMessage());
        }
    }

    @Test
    void aProxyWhoseRowIsGoneFailsNamingEntityAndId() {
        try (Session s = sessions.openSession()) {
            Map<String, Story> st = byTitle(s.query(Story.class).all());
            Author dee = st.get("s2").getFeatured();
            // in the session's own transaction (another one would not be seen under snapshot isolation)
            s.execute(deleteFrom(REGISTRY.table(Author.class)).where(REGISTRY.mapping(Author.class).attribute("id").column().eq(ids.get("Dee"))));
            IllegalStateException e = assertThrows(IllegalStateException.class, dee::getName);
            assertEquals("Story(" + ids.get("s2") + ").featured \u2192 Author " + ids.get("Dee") + ": Author " + ids.get("Dee")
                    + " has no row (deleted since the referring row was read); the proxy stays unloaded", e.getMessage());
            assertThrows(IllegalStateException.class, dee::getRank, "it stays unloaded: every use tries again");
            assertEquals("Bob", st.get("s1").getFeatured().getName(), "other proxies are not affected");
        }
    }
}
