package org.athanor.core.compile;

import static org.athanor.core.fixtures.Items.ITEMS;
import static org.athanor.core.fixtures.Posts.POSTS;
import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.exists;
import static org.athanor.core.sql.Sql.literal;
import static org.athanor.core.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.athanor.core.dialect.GenericDialect;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Statement;
import org.athanor.core.sql.Subquery;
import org.junit.jupiter.api.Test;

/**
 * The from linter ({@link FromLinter}): a SELECT whose FROM elements are not all linked by a JOIN, an ON or a
 * WHERE/HAVING condition is a cartesian product nobody asked for, reported as a warning of the compiled statement.
 */
class FromLinterTest {
    private static List<String> warnings(Statement s) { return GenericDialect.INSTANCE.compile(s).warnings(); }

    private static String product(String apart, String linked) {
        return "cartesian product: FROM element(s) " + apart + " linked to " + linked + " by no JOIN, ON or WHERE "
                + "condition, so the result pairs every row of one with every row of the other; join them (a JOIN with ON, "
                + "or a WHERE comparison between their columns), or use crossJoin(...) if every combination is meant";
    }

    @Test
    void filteringOnAnUnjoinedTablesColumnIsReported() {
        // SQLAlchemy's classic: select(User).where(Address.email.like(...)) without a join
        assertEquals(List.of(product("\"posts\"", "\"users\"")), warnings(select(USERS.NAME).where(POSTS.TITLE.like("a%"))));
        // two filters AND-ed are two conditions, neither linking the tables
        assertEquals(List.of(product("\"posts\"", "\"users\"")),
                warnings(select(USERS.NAME).where(USERS.AGE.gt(3).and(POSTS.TITLE.eq("t")))));
        assertEquals(List.of(product("\"posts\"", "\"users\"")), warnings(select(USERS.NAME, POSTS.TITLE)));
    }

    @Test
    void aJoinAWhereComparisonOrACrossJoinLinks() {
        assertEquals(List.of(), warnings(select(USERS.NAME).where(POSTS.USER_ID.eq(USERS.ID), POSTS.TITLE.like("a%"))));
        assertEquals(List.of(), warnings(select(USERS.NAME).from(USERS.join(POSTS)).where(POSTS.TITLE.like("a%"))));
        assertEquals(List.of(), warnings(select(USERS.NAME, POSTS.TITLE).from(USERS.crossJoin(POSTS))));
        // an OR reading both tables is one condition over both
        assertEquals(List.of(), warnings(select(USERS.NAME).where(USERS.AGE.gt(3).or(POSTS.TITLE.eq("t")))));
        // HAVING links too
        assertEquals(List.of(), warnings(select(USERS.NAME).groupBy(USERS.NAME).having(USERS.ID.eq(POSTS.USER_ID))));
    }

    @Test
    void theElementsLeftOutAreNamedWhateverTheOthersAre() {
        assertEquals(List.of(product("\"items\"", "\"users\", \"posts\"")),
                warnings(select(USERS.NAME).where(POSTS.USER_ID.eq(USERS.ID), ITEMS.QTY.gt(1))));
        Table a = USERS.as("a"), b = USERS.as("b");
        assertEquals(List.of(product("\"b\"", "\"a\"")), warnings(select(a.corresponding(USERS.NAME), b.corresponding(USERS.NAME))));
        assertEquals(List.of(), warnings(select(a.corresponding(USERS.NAME)).where(b.corresponding(USERS.AGE).eq(a.corresponding(USERS.AGE)))));
    }

    @Test
    void anOnClauseMayLinkAnotherFromItem() {
        assertEquals(List.of(), warnings(select(USERS.NAME).from(ITEMS, USERS.join(POSTS, POSTS.USER_ID.eq(USERS.ID).and(ITEMS.ID.eq(POSTS.ID))))));
        assertEquals(List.of(product("\"items\"", "\"users\" JOIN \"posts\"")),
                warnings(select(USERS.NAME).from(USERS.join(POSTS), ITEMS)));
    }

    @Test
    void eachSubqueryIsCheckedOnItsOwnAndCorrelationIsNoProduct() {
        // correlated EXISTS: the outer table is the enclosing query's, not a FROM element of the subquery
        assertEquals(List.of(), warnings(select(USERS.NAME).where(exists(select(literal(1)).from(POSTS).where(POSTS.USER_ID.eq(USERS.ID))))));
        assertEquals(List.of(product("\"items\"", "\"posts\"")), warnings(select(USERS.NAME)
                .where(exists(select(literal(1)).from(POSTS, ITEMS).where(POSTS.USER_ID.eq(USERS.ID))))));
        Subquery counts = select(POSTS.USER_ID).from(POSTS).subquery("counts");
        assertEquals(List.of(), warnings(select(USERS.NAME).from(USERS, counts).where(counts.get(POSTS.USER_ID).eq(USERS.ID))));
        assertEquals(List.of(product("\"counts\"", "\"users\"")), warnings(select(USERS.NAME).from(USERS, counts)));
    }

    @Test
    void aSingleFromElementIsNeverChecked() {
        assertEquals(List.of(), warnings(select(USERS.NAME).where(USERS.AGE.gt(1))));
        assertEquals(List.of(), warnings(select(literal(1))));
    }
}
