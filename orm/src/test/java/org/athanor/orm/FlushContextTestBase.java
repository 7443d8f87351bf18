package org.athanor.orm;

import static org.athanor.core.sql.Sql.deleteFrom;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.orm.model.Memo;
import org.athanor.orm.model.cycle.CycLeft;
import org.athanor.orm.model.cycle.CycRight;
import org.junit.jupiter.api.Test;

/**
 * A session's flushes share one flusher: each starts from a cleared flush context, so a failure names
 * only what its own flush was writing, never what an earlier flush of the session wrote last.
 */
public abstract class FlushContextTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Memo.class, CycLeft.class, CycRight.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    @Override
    boolean emptyAfterAll() {
        return true;
    }

    /** Only memos are ever written (the NOT NULL cycle of CycLeft and CycRight is refused before any statement). */
    @Override
    void deleteRows(Connection c) {
        c.execute(deleteFrom(REGISTRY.table(Memo.class)));
    }

    @Test
    void aFailureBeforeAnyStatementDoesNotNameWhatTheSessionsEarlierFlushWrote() {
        try (Session s = sessions.openSession()) {
            s.add(new Memo(1L, "first"));
            s.flush(); // its context: inserting Memo
            CycLeft left = new CycLeft("l");
            CycRight right = new CycRight("r");
            left.setRight(right);
            right.setLeft(left);
            s.addAll(List.of(left, right));
            FlushException e = assertThrows(FlushException.class, s::flush);
            assertTrue(e.getMessage().startsWith("flush failed; the transaction was rolled back: "), e.getMessage());
            assertTrue(e.getMessage().contains("cycle"), e.getMessage());
        }
        try (Session s = sessions.openSession()) {
            assertNull(s.get(Memo.class, 1L), "the failed flush's rollback undid the first flush's insert too");
        }
    }
}
