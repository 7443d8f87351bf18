package org.athanor.core.engine;

import java.util.List;

/**
 * The execution listeners of one {@link Engine} (echo among them when it is on), copied on write;
 * null when there are none, so that an unobserved statement costs one field read and a branch. The
 * announce and finish halves of the one choke point every execution goes through, and transaction
 * boundaries, are told here.
 */
final class ExecutionListeners {
    private final boolean hideParameters;
    private volatile ExecutionListener[] listeners;

    ExecutionListeners(boolean hideParameters) { this.hideParameters = hideParameters; }

    synchronized void add(ExecutionListener listener) {
        ExecutionListener[] now = listeners;
        ExecutionListener[] next = now == null ? new ExecutionListener[1] : java.util.Arrays.copyOf(now, now.length + 1);
        next[next.length - 1] = listener;
        listeners = next;
    }

    /** Removes a listener (by equality); nothing when it is not there. */
    synchronized void remove(ExecutionListener listener) {
        ExecutionListener[] now = listeners;
        if (now == null) return;
        for (int i = 0; i < now.length; i++) {
            if (now[i].equals(listener)) {
                ExecutionListener[] next = new ExecutionListener[now.length - 1];
                System.arraycopy(now, 0, next, 0, i);
                System.arraycopy(now, i + 1, next, i, now.length - i - 1);
                listeners = next.length == 0 ? null : next;
                return;
            }
        }
    }

    /** Whether anything listens to executions: callers build an event's values only then. */
    boolean observed() { return listeners != null; }

    /**
     * The announce half of the one choke point every execution goes through: builds the event and
     * tells the listeners; null (nothing built, no clock read) when none is registered.
     */
    ExecutionEvent started(Connection c, String sql, List<List<Object>> sets, boolean cached, boolean literal, boolean batch) {
        ExecutionListener[] ls = listeners;
        if (ls == null) return null;
        ExecutionEvent e = new ExecutionEvent(ls, c, sql, sets, cached, literal, batch, hideParameters);
        for (ExecutionListener l : ls) l.started(e);
        return e;
    }

    /** The finish half: rows (or -1) and the error, told once to the listeners that saw it start. */
    static void finished(ExecutionEvent e, long rows, RuntimeException error) {
        if (e == null || !e.finish(rows, error)) return;
        for (ExecutionListener l : e.listeners()) l.finished(e);
    }

    /** A transaction boundary on {@code c}. */
    void transaction(TransactionEvent event, Connection c) {
        ExecutionListener[] ls = listeners;
        if (ls == null) return;
        for (ExecutionListener l : ls) l.transaction(event, c);
    }
}
