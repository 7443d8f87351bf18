package org.athanor.core.compile;

import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.athanor.core.dialect.GenericDialect;
import org.athanor.core.internal.compile.KeyCollector;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Extension;
import org.athanor.core.sql.KeyBuilder;
import org.athanor.core.sql.RenderContext;
import org.athanor.core.sql.SqlNode;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;
import org.junit.jupiter.api.Test;

/**
 * An {@link Extension} without its own key is not cacheable (SQLAlchemy's constructs without a cache
 * key): the key walk says so, no key can be stored for it, and it renders its own SQL with its own
 * parameters. The Engine side (compiled at every execution, reported as not cached) runs on every
 * database in {@code ExecutionListenerSuite}.
 */
class KeylessExtensionTest {
    /** {@code greatest(operand, n)} with n rendered as a literal; no key(). */
    record AtLeast(Expression<Integer> operand, int n) implements Expression<Integer>, Extension {
        @Override public SqlType<Integer> type() { return SqlTypes.INTEGER; }

        @Override
        public void render(RenderContext c) {
            c.append("greatest(");
            c.visit(operand);
            c.append(", ").append(c.renderLiteral(n, SqlTypes.INTEGER)).append(')');
        }

        @Override public List<? extends SqlNode> fromExpressions() { return List.of(operand); }
    }

    /** The same construct with a key naming every field that changes the SQL. */
    record KeyedAtLeast(Expression<Integer> operand, int n) implements Expression<Integer>, Extension {
        @Override public SqlType<Integer> type() { return SqlTypes.INTEGER; }

        @Override
        public void render(RenderContext c) { new AtLeast(operand, n).render(c); }

        @Override public void key(KeyBuilder k) { k.add(KeyedAtLeast.class); k.add(n); operand.key(k); }

        @Override public List<? extends SqlNode> fromExpressions() { return List.of(operand); }
    }

    @Test
    void aStatementWithAKeylessExtensionHasNoKey() {
        KeyCollector k = KeyCollector.of(select(new AtLeast(USERS.AGE, 18)));
        assertFalse(k.cacheable());
        assertInstanceOf(AtLeast.class, k.uncacheableNode());
        IllegalStateException e = assertThrows(IllegalStateException.class, k::storedKey);
        assertTrue(e.getMessage().contains("AtLeast"), e.getMessage());
        assertTrue(KeyCollector.of(select(new KeyedAtLeast(USERS.AGE, 18))).cacheable());
        assertTrue(KeyCollector.of(select(USERS.AGE)).cacheable());
    }

    @Test
    void eachInstanceRendersItsOwnSqlAndBindsItsOwnParameters() {
        CompiledStatement a = GenericDialect.INSTANCE.compile(select(new AtLeast(USERS.AGE.plus(1), 18)).where(USERS.NAME.eq("x")));
        CompiledStatement b = GenericDialect.INSTANCE.compile(select(new AtLeast(USERS.AGE.plus(2), 21)).where(USERS.NAME.eq("y")));
        assertEquals("SELECT greatest(users.age + ?, 18) FROM users WHERE users.name = ?", a.sql(), "FROM inferred through fromExpressions()");
        assertEquals("SELECT greatest(users.age + ?, 21) FROM users WHERE users.name = ?", b.sql());
        assertEquals(List.of(1, "x"), a.parameters());
        assertEquals(List.of(2, "y"), b.parameters());
    }

    @Test
    void aKeyedExtensionKeysItsFields() {
        assertEquals(KeyCollector.of(select(new KeyedAtLeast(USERS.AGE, 18))).storedKey(),
                KeyCollector.of(select(new KeyedAtLeast(USERS.AGE, 18))).storedKey());
        assertNotEquals(KeyCollector.of(select(new KeyedAtLeast(USERS.AGE, 18))).storedKey(),
                KeyCollector.of(select(new KeyedAtLeast(USERS.AGE, 21))).storedKey());
    }
}
