package org.athanor.orm.internal.uow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.model.User;
import org.junit.jupiter.api.Test;

/** The chunked log of states: read back in append order across chunk boundaries, cleared, grown to an expected size. */
class StateLogTest {
    static final Mapper USER = Mapper.configure(List.of(User.class)).get(User.class);

    private static List<InstanceState> contents(StateLog log) {
        List<InstanceState> out = new ArrayList<>();
        for (int c = 0; c < log.chunks(); c++) {
            InstanceState[] chunk = log.chunk(c);
            for (int i = 0; i < log.used(c); i++) out.add(chunk[i]);
        }
        return out;
    }

    private static List<InstanceState> states(int n) {
        List<InstanceState> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new InstanceState(new Object(), USER));
        return out;
    }

    /** Appends in rounds (each round cleared after it is read back) give back what was appended, in order. */
    @Property(tries = 60)
    void givesBackWhatWasAppendedInOrder(@ForAll @IntRange(max = 5000) int first, @ForAll @IntRange(max = 3000) int second) {
        StateLog log = new StateLog();
        for (int n : new int[] {first, second}) {
            List<InstanceState> added = states(n);
            for (InstanceState s : added) log.add(s);
            assertEquals(n, log.size());
            List<InstanceState> read = contents(log);
            assertEquals(n, read.size());
            for (int i = 0; i < n; i++) assertSame(added.get(i), read.get(i), "state " + i + " of " + n);
            log.clear();
            assertEquals(0, log.size());
            assertEquals(0, log.chunks());
        }
    }

    @Test
    void chunksDoubleUpToTheirLargestSizeAndNeverCopy() {
        StateLog log = new StateLog();
        List<InstanceState> added = states(3 * StateLog.CHUNK);
        InstanceState[] firstChunk = null;
        for (InstanceState s : added) {
            log.add(s);
            if (firstChunk == null) firstChunk = log.chunk(0);
            assertSame(firstChunk, log.chunk(0), "a chunk is never replaced by a copy");
        }
        assertEquals(16, log.chunk(0).length);
        assertEquals(32, log.chunk(1).length);
        for (int c = 0; c < log.chunks(); c++) assertTrue(log.chunk(c).length <= StateLog.CHUNK);
        assertEquals(StateLog.CHUNK, log.chunk(log.chunks() - 1).length);
    }

    @Test
    void anExpectedSizeMakesTheNextChunkHoldItAll() {
        StateLog log = new StateLog();
        log.add(new InstanceState(new Object(), USER));
        log.expect(16); // fits in the first chunk's room: no new chunk is needed yet
        for (InstanceState s : states(15)) log.add(s);
        assertEquals(1, log.chunks());
        log.expect(5000);
        for (InstanceState s : states(5000)) log.add(s);
        assertEquals(2, log.chunks());
        assertEquals(5000, log.chunk(1).length);
        assertEquals(5016, contents(log).size());
    }
}
