package org.athanor.orm.internal.loading;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.uow.LoadedRows;

/**
 * A streamed load's objects ({@link Loading#stream}), read a chunk of {@link ToOneLoading#CHUNK} rows at a time: the
 * chunk's references are resolved and its collections installed together before its first object is handed out, so
 * a stream of N rows costs about N / CHUNK reference selects, as {@code all()} would per 500 keys, instead of one per
 * row. Memory holds one chunk of objects beyond what the session holds.
 */
final class StreamChunks extends Spliterators.AbstractSpliterator<Object> {
    private final Loading.Host s;
    private final Mapper info;
    private final LoadedRows load;
    private final ToOneLoading.AtRow refs;
    private final Iterator<Object> rows;
    private final boolean related;
    private final List<Object> chunk = new ArrayList<>();
    private int next;

    StreamChunks(Loading.Host s, Mapper info, LoadedRows load, ToOneLoading.AtRow refs, Iterator<Object> rows) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.s = s;
        this.info = info;
        this.load = load;
        this.refs = refs;
        this.rows = rows;
        this.related = info.rowsLoadRelated();
    }

    @Override
    public boolean tryAdvance(Consumer<? super Object> action) {
        if (next == chunk.size()) {
            chunk.clear();
            next = 0;
            while (chunk.size() < ToOneLoading.CHUNK && rows.hasNext()) chunk.add(rows.next());
            if (chunk.isEmpty()) {
                s.uow().loadEnded(load);
                return false;
            }
            if (related) Loading.relatedOf(s, info, load.takeStates(), List.of(), refs == null || refs.anyLeft);
        }
        action.accept(chunk.get(next++));
        return true;
    }
}
