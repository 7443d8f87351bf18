package org.athanor.orm;

import static org.athanor.core.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.engine.Engine;
import org.athanor.orm.model.m2mc.Playlist;
import org.athanor.orm.model.m2mc.Playlist_;
import org.athanor.orm.model.m2mc.Song;
import org.athanor.orm.model.m2mc.Song_;
import org.athanor.orm.model.rel.Article;
import org.athanor.orm.model.rel.Article_;
import org.athanor.orm.model.rel.Writer;
import org.junit.jupiter.api.Test;

/**
 * Deleting owners reads the collections the flush needs (a one-to-many's children; a many-to-many's elements
 * with cascade REMOVE) with one select per relationship and chunk of 500 owners, not one per owner, counted
 * under "load Owner.relation" (not as lazy loads). Writer.articles (cascade ALL) and Writer.edited (none);
 * Playlist.songs (many-to-many, cascade ALL).
 */
public abstract class DeletedOwnersCollectionsTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Writer.class, Article.class, Playlist.class, Song.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    @Override
    SessionFactory sessionFactory(Engine engine) {
        return SessionFactory.of(engine, registry()).withStatementReport().raiseLazyLoadsOver(0);
    }

    @Override
    void deleteRows(org.athanor.core.engine.Connection c) {
        c.execute(org.athanor.core.sql.Sql.deleteFrom(org.athanor.orm.mapping.ClassMapping.of(Song.class).toMany("samples").secondary().table()));
        super.deleteRows(c);
    }

    long rows(org.athanor.core.schema.Table t) {
        return engine.fromTransaction(c -> ((Number) c.scalar(select(org.athanor.core.sql.Sql.count()).from(t))).longValue());
    }

    @Test
    void deletingWritersReadsEachCollectionOnceForAllOfThem() {
        try (Session s = sessions.openSession()) {
            List<Writer> ws = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Writer w = new Writer("w" + i);
                ws.add(w);
                w.getArticles().add(new Article("t" + i, w));
                w.getArticles().add(new Article("u" + i, w));
            }
            s.addAll(ws);
            s.commit();
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            for (Writer w : s.query(Writer.class).all()) s.delete(w);
            s.resetStatementReport();
            statements.clear();
            s.commit();
            StatementReport r = s.statementReport();
            assertEquals(1, r.count("load Writer.articles"), r.toString());
            assertEquals(1, r.count("load Writer.edited"), r.toString());
            assertEquals(2, count("SELECT"), "one per relationship for the 3 writers, not one per writer: " + statements);
            assertEquals(java.util.Map.of(), r.lazyLoads(), "not lazy loads (the factory raises past 0)");
        }
        assertEquals(0, rows(Article_.TABLE));
    }

    @Test
    void deletingPlaylistsWithCascadeRemoveReadsTheirSongsInChunks() {
        int n = 520;
        try (Session s = sessions.openSession()) {
            List<Playlist> ps = new ArrayList<>();
            for (int i = 0; i < n; i++) ps.add(new Playlist("p" + i));
            Song shared = new Song("shared");
            ps.get(0).getSongs().add(shared);
            ps.get(n - 1).getSongs().add(shared);
            ps.get(1).getSongs().add(new Song("one"));
            s.addAll(ps);
            s.commit();
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            for (Playlist p : s.query(Playlist.class).all()) s.delete(p);
            s.resetStatementReport();
            statements.clear();
            s.commit();
            StatementReport r = s.statementReport();
            assertEquals(2, r.count("load Playlist.songs"), "520 owners: chunks of 500: " + r);
            assertEquals(2, count("SELECT"), statements.toString());
        }
        assertEquals(0, rows(Song_.TABLE));
        assertEquals(0, rows(Playlist_.TABLE));
    }
}
