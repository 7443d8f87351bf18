package org.athanor.orm;

import java.util.function.Consumer;
import java.util.function.Function;
import org.athanor.orm.internal.loading.CollectionState;
import org.athanor.orm.internal.uow.InstanceState;

/** Before a flush, a loaded many-to-many collection of a live object ({@link Cascades#cascadeReferences}). */
final class ManyToManyCascades {
    private ManyToManyCascades() {}

    /**
     * Elements deleted (marked or flushed) leave the collection, as the flush deletes their secondary rows;
     * elements not in the session are added (save-update cascade).
     */
    static void sync(CollectionState cs, Function<Object, InstanceState> stateOf, Consumer<Object> add) {
        cs.items.removeIf(e -> {
            InstanceState es = stateOf.apply(e);
            return es != null && (es.marked || es.status == InstanceState.Status.DELETED);
        });
        for (Object e : cs.items) if (stateOf.apply(e) == null) add.accept(e);
    }
}
