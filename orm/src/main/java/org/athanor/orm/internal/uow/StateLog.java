package org.athanor.orm.internal.uow;

import java.util.Arrays;

/**
 * States appended in order, read back in that order, then let go of all at once: a hierarchy's states appended to the
 * identity map and not hashed yet ({@link HeldKeys}), the attached objects not indexed yet ({@link AttachedObjects}).
 * Held in chunks that double from 16 slots up to {@value #CHUNK} and then stay that size, so a log never copies what it
 * holds: a doubling array copies, and leaves as garbage, about twice its final size (a 10,000-row select-in's two logs
 * were ~7 % of what its load allocated).
 */
final class StateLog {
    private static final int FIRST = 16;
    static final int CHUNK = 1024;
    private static final InstanceState[][] NO_CHUNKS = new InstanceState[0][];

    private InstanceState[][] chunks = NO_CHUNKS;
    private int chunkCount;
    /** The chunk states are appended to ({@code chunks[chunkCount - 1]}); the chunks before it are full. */
    private InstanceState[] tail;
    private int tailUsed;
    private int size;
    /** Room asked for the next chunk ({@link #expect}). */
    private int expected;

    int size() { return size; }

    void add(InstanceState s) {
        InstanceState[] t = tail;
        int used = tailUsed;
        if (t == null || used == t.length) {
            t = newChunk();
            used = 0;
        }
        t[used] = s;
        tailUsed = used + 1;
        size++;
    }

    /** The next chunk, when one is needed, holds at least {@code n} states (a flush about to insert that many). */
    void expect(int n) { expected = n; }

    private InstanceState[] newChunk() {
        int length = tail == null ? FIRST : Math.min(CHUNK, 2 * tail.length);
        if (expected > length) length = expected;
        expected = 0;
        if (chunkCount == chunks.length) chunks = Arrays.copyOf(chunks, Math.max(4, 2 * chunkCount));
        return chunks[chunkCount++] = tail = new InstanceState[length];
    }

    /** How many chunks hold states; chunk {@code i} is {@link #chunk}(i), its first {@link #used}(i) slots. */
    int chunks() { return chunkCount; }

    InstanceState[] chunk(int i) { return chunks[i]; }

    int used(int i) { return i == chunkCount - 1 ? tailUsed : chunks[i].length; }

    /** Lets go of every state. */
    void clear() {
        if (size == 0 && chunkCount == 0) return;
        chunks = NO_CHUNKS;
        chunkCount = 0;
        tail = null;
        tailUsed = 0;
        size = 0;
    }
}
