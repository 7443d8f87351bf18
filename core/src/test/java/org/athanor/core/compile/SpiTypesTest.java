package org.athanor.core.compile;

import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.athanor.core.dialect.GenericDialect;
import org.athanor.core.internal.compile.CompiledTemplate;
import org.athanor.core.internal.compile.KeyCollector;
import org.athanor.core.sql.KeyBuilder;
import org.athanor.core.sql.Param;
import org.athanor.core.sql.RowLayout;
import org.athanor.core.sql.SqlNode;
import org.athanor.core.sql.StatementTemplate;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.ValueCodec;
import org.junit.jupiter.api.Test;

/**
 * The compiler's SPI names only exported types (sql.KeyBuilder in, sql.StatementTemplate out); core's
 * own implementations come back through it, and anything else is refused with a message naming it.
 */
class SpiTypesTest {
    @Test
    void aTemplateCompiledThroughTheSpiIsCoresOwn() {
        SqlNode q = select(USERS.NAME).where(USERS.ID.eq(7L));
        KeyCollector key = KeyCollector.of(q);
        StatementTemplate t = GenericDialect.INSTANCE.compileTemplate(q, key);
        assertSame(t, CompiledTemplate.of(t));
        assertEquals(1, t.slotCount());
        assertEquals(List.of("name"), t.resultNames());
        assertEquals(1, t.resultCodecs().length);
        assertEquals(7L, key.params()[t.slot(0)].value());
    }

    @Test
    void aKeyBuilderNotMadeByTheEngineIsRefusedByName() {
        KeyBuilder foreign = new ForeignKeyBuilder();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GenericDialect.INSTANCE.compileTemplate(select(USERS.NAME), foreign));
        assertTrue(e.getMessage().contains(ForeignKeyBuilder.class.getName()) && e.getMessage().contains("expected the KeyBuilder"),
                e.getMessage());
    }

    @Test
    void aTemplateNotCompiledByCoreIsRefusedByName() {
        StatementTemplate foreign = new StatementTemplate() {
            @Override public String sql() { return "SELECT 1"; }
            @Override public int slotCount() { return 0; }
            @Override public int slot(int i) { throw new IndexOutOfBoundsException(i); }
            @Override public List<String> resultNames() { return List.of(); }
            @Override public List<SqlType<?>> resultTypes() { return List.of(); }
            @Override public ValueCodec<Object>[] resultCodecs() { return null; }
            @Override public RowLayout layout() { return null; }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CompiledTemplate.of(foreign));
        assertTrue(e.getMessage().contains("not a template compiled by Athanor's SqlCompiler"), e.getMessage());
        assertTrue(GenericDialect.INSTANCE.fitsBindLimit(foreign), "the dialect reads any template through the interface");
    }

    private static final class ForeignKeyBuilder implements KeyBuilder {
        @Override public void add(Object token) {}
        @Override public void add(boolean b) {}
        @Override public void add(int i) {}
        @Override public void param(Param<?> p) {}
        @Override public void list(List<? extends SqlNode> nodes) {}
        @Override public void opt(SqlNode node) {}
        @Override public void notCacheable(SqlNode node) {}
        @Override public boolean hasNamed(String name) { return false; }
        @Override public Object namedValue(String name) { return null; }
        @Override public void expand(Object node, List<Param<?>> items) {}
        @Override public void markParamStart(Object node) {}
    }
}
