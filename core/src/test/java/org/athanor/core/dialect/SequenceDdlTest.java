package org.athanor.core.dialect;

import static org.athanor.core.schema.Table.Options.*;
import static org.athanor.core.schema.Table.col;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.athanor.core.error.CompileError;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Sequence;
import org.athanor.core.schema.Table;
import org.junit.jupiter.api.Test;

/** CREATE/DROP SEQUENCE from the base DdlCompiler, and where createAll/dropAll put them; no database. */
class SequenceDdlTest {
    /** The generic dialect with sequences switched on (it has none of its own). */
    private final DdlCompiler ddl = GenericDialect.INSTANCE
            .withFeatures(GenericDialect.INSTANCE.features().toBuilder().sequences(true).build()).ddl();
    private final DdlCompiler without = GenericDialect.INSTANCE.ddl();

    private final Table orders = Table.of("orders", col("no", BIGINT, primaryKey(), serverDefault("nextval('order_no')")),
            col("item", varchar(20)));
    private final Table lines = Table.of("lines", col("id", BIGINT, primaryKey()), col("order_no", BIGINT, references(orders.column("no"))));

    @Test
    void createAndDropSequence() {
        assertEquals("CREATE SEQUENCE IF NOT EXISTS order_no START WITH 1 INCREMENT BY 1", ddl.createSequence(Sequence.of("order_no"), true));
        assertEquals("CREATE SEQUENCE \"Order No\" START WITH 1000 INCREMENT BY 10",
                ddl.createSequence(Sequence.of("Order No").startWith(1000).incrementBy(10), false));
        assertEquals("CREATE SEQUENCE shop.\"select\" START WITH -1 INCREMENT BY -1",
                ddl.createSequence(Sequence.of("shop", "select").incrementBy(-1), false));
        assertEquals("DROP SEQUENCE IF EXISTS order_no", ddl.dropSequence(Sequence.of("order_no"), true));
        assertEquals("DROP SEQUENCE shop.\"select\"", ddl.dropSequence(Sequence.of("shop", "select"), false));
    }

    @Test
    void sequencesComeBeforeTheTablesAndGoAfterThem() {
        MetaData md = MetaData.of(lines, orders).add(Sequence.of("order_no").startWith(1000), Sequence.of("line_ids"));
        assertEquals(List.of(
                "CREATE SEQUENCE IF NOT EXISTS order_no START WITH 1000 INCREMENT BY 1",
                "CREATE SEQUENCE IF NOT EXISTS line_ids START WITH 1 INCREMENT BY 1",
                "CREATE TABLE IF NOT EXISTS orders (no BIGINT DEFAULT nextval('order_no') NOT NULL, item VARCHAR(20), PRIMARY KEY (no))",
                "CREATE TABLE IF NOT EXISTS lines (id BIGINT NOT NULL, order_no BIGINT, PRIMARY KEY (id), "
                        + "FOREIGN KEY (order_no) REFERENCES orders (no))"), ddl.createStatements(md, true));
        assertEquals(List.of("DROP TABLE lines", "DROP TABLE orders", "DROP SEQUENCE order_no", "DROP SEQUENCE line_ids"),
                ddl.dropStatements(md, false));
        assertEquals("CREATE SEQUENCE order_no START WITH 1000 INCREMENT BY 1", ddl.createStatements(md, false).get(0));
        assertEquals("DROP SEQUENCE IF EXISTS line_ids", ddl.dropStatements(md, true).get(3));
    }

    @Test
    void withoutSequencesTheyAreSkippedSilently() {
        MetaData md = MetaData.of(orders).add(Sequence.of("order_no"));
        assertFalse(without.dialect.features().supportsSequences());
        assertEquals(List.of("CREATE TABLE IF NOT EXISTS orders (no BIGINT DEFAULT nextval('order_no') NOT NULL, "
                + "item VARCHAR(20), PRIMARY KEY (no))"), without.createStatements(md, true));
        assertEquals(List.of("DROP TABLE IF EXISTS orders"), without.dropStatements(md, true));
        CompileError e = assertThrows(CompileError.class, () -> without.createSequence(Sequence.of("order_no"), true));
        assertEquals("generic has no sequences, so there is no CREATE SEQUENCE for order_no "
                + "(MetaData.createAll and dropAll skip sequences on such databases)", e.getMessage());
        assertThrows(CompileError.class, () -> without.dropSequence(Sequence.of("order_no"), true));
    }
}
