package org.athanor.orm;

import java.util.List;

/**
 * Per-query loader strategies for relationships (SQLAlchemy's names), over the metamodel's typed
 * relationship attributes:
 *
 * <pre>{@code
 * import static org.athanor.orm.Loaders.*;
 * session.query(Writer.class)
 *        .options(selectinLoad(Writer_.articles), raiseLoad(Writer_.edited))
 *        .all();
 * }</pre>
 *
 * <ul>
 * <li>{@link #lazyLoad}: the default for collections: loaded on first access, for every object of the
 *     same result at once (one {@code IN} select per 500 owners).</li>
 * <li>{@link #selectinLoad}: the same select, run when the query runs.</li>
 * <li>{@link #raiseLoad}: accessing the collection throws, naming it and the option that loads it.</li>
 * <li>{@link #noLoad}: the collection is empty and never loaded (additions still set the other side).</li>
 * </ul>
 * {@code @ManyToOne} references are always loaded with their objects (one batched select per result);
 * they accept {@link #selectinLoad} (to carry {@link LoadOption#then} options) and refuse the others.
 */
public final class Loaders {
    private Loaders() {}

    public static LoadOption lazyLoad(Relationship<?, ?> r) { return new LoadOption(r, LoadOption.Strategy.LAZY, List.of()); }
    public static LoadOption selectinLoad(Relationship<?, ?> r) { return new LoadOption(r, LoadOption.Strategy.SELECTIN, List.of()); }
    public static LoadOption raiseLoad(Relationship<?, ?> r) { return new LoadOption(r, LoadOption.Strategy.RAISE, List.of()); }
    public static LoadOption noLoad(Relationship<?, ?> r) { return new LoadOption(r, LoadOption.Strategy.NOLOAD, List.of()); }
}
