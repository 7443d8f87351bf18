package org.athanor.benchmarks;

import static org.athanor.core.type.SqlTypes.*;

import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;

/** The three joined tables of the compile benchmark: authors ← articles ← remarks. No database needed. */
final class JoinTables {
    private JoinTables() {}

    static final class Authors extends Table {
        static final Authors AUTHORS = new Authors();
        final Column<Long> ID = column("id", BIGINT, primaryKey(), autoincrement());
        final Column<String> NAME = column("name", varchar(50), notNull());
        final Column<Integer> AGE = column("age", INTEGER);

        private Authors() { super("authors"); }
    }

    static final class Articles extends Table {
        static final Articles ARTICLES = new Articles();
        final Column<Long> ID = column("id", BIGINT, primaryKey(), autoincrement());
        final Column<Long> AUTHOR_ID = column("author_id", BIGINT, notNull(), references(Authors.AUTHORS.ID));
        final Column<String> TITLE = column("title", varchar(200), notNull());

        private Articles() { super("articles"); }
    }

    static final class Remarks extends Table {
        static final Remarks REMARKS = new Remarks();
        final Column<Long> ID = column("id", BIGINT, primaryKey(), autoincrement());
        final Column<Long> ARTICLE_ID = column("article_id", BIGINT, notNull(), references(Articles.ARTICLES.ID));
        final Column<String> BODY = column("body", TEXT);

        private Remarks() { super("remarks"); }
    }
}
