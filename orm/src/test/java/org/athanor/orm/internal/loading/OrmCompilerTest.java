package org.athanor.orm.internal.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.athanor.core.schema.Table;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Select;
import org.athanor.core.sql.Sql;
import org.athanor.orm.internal.loading.OrmCompiler;
import org.athanor.orm.model.Model;
import org.athanor.orm.model.Post;
import org.athanor.orm.model.User;
import org.junit.jupiter.api.Test;

class OrmCompilerTest {
    static final Table USERS = Model.REGISTRY.table(User.class), POSTS = Model.REGISTRY.table(Post.class);
    static final OrmCompiler.Target TARGET = new OrmCompiler.Target(USERS, USERS.columns().size());

    static Select<Row> all() { return Sql.select(USERS.columns().toArray(org.athanor.core.sql.Expression<?>[]::new)).from(USERS); }

    @Test
    void theEntityIsReadFromTheFirstColumnsAndASingleTableSelectHasDistinctKeys() {
        Select<Row> criteria = all().where(Model.col(User.class, "age", Integer.class).gt(30));
        OrmCompiler.Compiled c = OrmCompiler.compile(TARGET, criteria);
        assertSame(criteria, c.statement());
        assertEquals(new OrmCompiler.EntityColumns(TARGET, 0), c.primary());
        assertTrue(c.distinctKeys());
    }

    @Test
    void aJoinMayRepeatAKeySoRowsAreLookedUp() {
        OrmCompiler.Compiled c = OrmCompiler.compile(TARGET, all().join(POSTS));
        assertFalse(c.distinctKeys(), "a user with two posts comes back twice: the identity map must be consulted");
    }

    @Test
    void aStatementWithoutTheEntitysColumnsIsRefused() {
        Select<Row> ids = all().withColumns(USERS.columns().get(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OrmCompiler.compile(TARGET, ids));
        assertTrue(e.getMessage().contains("must select its"), e.getMessage());
    }
}
