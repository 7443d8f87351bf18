package org.athanor.core.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A window specification for {@code f(...) OVER (...)}: partition, order and frame. Immutable.
 *
 * <pre>{@code
 * sum(SALES.AMOUNT).over(window().partitionBy(SALES.REGION).orderBy(SALES.DAY)
 *         .rows(FrameBound.preceding(2), FrameBound.currentRow()))
 * rowNumber().over(window().orderBy(USERS.AGE.desc()))
 * }</pre>
 */
public final class Window {
    /** ROWS, RANGE or GROUPS. */
    public enum FrameUnit { ROWS, RANGE, GROUPS }

    /** {@code unit BETWEEN start AND end}. */
    public record Frame(FrameUnit unit, FrameBound start, FrameBound end) {}

    public static final Window EMPTY = new Window(List.of(), List.of(), null);

    private final List<Expression<?>> partitionBy;
    private final List<OrderItem> orderBy;
    private final Frame frame;

    private Window(List<Expression<?>> partitionBy, List<OrderItem> orderBy, Frame frame) {
        this.partitionBy = partitionBy;
        this.orderBy = orderBy;
        this.frame = frame;
    }

    public List<Expression<?>> partitionBy() { return partitionBy; }
    public List<OrderItem> orderBy() { return orderBy; }
    /** The frame, or null for the database's default. */
    public Frame frame() { return frame; }

    public Window partitionBy(Expression<?>... exprs) {
        List<Expression<?>> p = new ArrayList<>(partitionBy);
        p.addAll(Arrays.asList(exprs));
        return new Window(Collections.unmodifiableList(p), orderBy, frame);
    }

    public Window orderBy(SqlNode... items) {
        List<OrderItem> o = new ArrayList<>(orderBy);
        for (SqlNode n : items) o.add(Select.toOrderItem(n));
        return new Window(partitionBy, Collections.unmodifiableList(o), frame);
    }

    /** {@code ROWS BETWEEN start AND end}. */
    public Window rows(FrameBound start, FrameBound end) { return frame(FrameUnit.ROWS, start, end); }
    /** {@code RANGE BETWEEN start AND end}. */
    public Window range(FrameBound start, FrameBound end) { return frame(FrameUnit.RANGE, start, end); }
    /** {@code GROUPS BETWEEN start AND end} (PostgreSQL, SQLite). */
    public Window groups(FrameBound start, FrameBound end) { return frame(FrameUnit.GROUPS, start, end); }

    private Window frame(FrameUnit unit, FrameBound start, FrameBound end) {
        if (start.kind() == FrameBound.Kind.UNBOUNDED_FOLLOWING || end.kind() == FrameBound.Kind.UNBOUNDED_PRECEDING
                || start.kind().ordinal() > end.kind().ordinal())
            throw new IllegalArgumentException("window frame " + start.sql() + " .. " + end.sql() + " ends before it starts");
        if (unit != FrameUnit.RANGE && (!start.isIntegral() || !end.isIntegral()))
            throw new IllegalArgumentException(unit + " frames count rows or groups: " + start.sql() + " .. " + end.sql()
                    + " needs RANGE (decimal and interval offsets measure the ORDER BY value)");
        return new Window(partitionBy, orderBy, new Frame(unit, start, end));
    }

    void key(KeyBuilder k) {
        k.list(partitionBy);
        k.list(orderBy);
        if (frame == null) k.add((Object) null);
        else { k.add(frame.unit()); k.add(frame.start()); k.add(frame.end()); }
    }
}
