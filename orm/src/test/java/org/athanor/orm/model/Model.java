package org.athanor.orm.model;

import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.ReferentialAction;
import org.athanor.core.schema.Table;
import org.athanor.orm.Registry;
import org.athanor.orm.mapping.ClassMapping;

/**
 * The test model's registry. Relationship mapping (@ManyToOne) comes with a later issue, so the
 * foreign key posts.user_id -> users.id is added to the mapped Core table here, once, before the
 * registry orders its tables.
 */
public final class Model {
    private Model() {}

    public static final Registry REGISTRY;

    static {
        Table posts = ClassMapping.of(Post.class).table();
        Table users = ClassMapping.of(User.class).table();
        if (posts.foreignKeys().isEmpty()) {
            Column<?> userId = posts.column("user_id");
            Column<?> id = users.column("id");
            Table.addForeignKey(posts, List.of(userId), () -> List.of(id), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION, null);
        }
        // Post first on purpose: the flush order must come from the foreign key, not registration order.
        REGISTRY = Registry.of(Post.class, User.class, Account.class, Tag.class, Enrollment.class);
    }

    public static <T> Column<T> col(Class<?> entity, String attribute, Class<T> type) {
        return ClassMapping.column(entity, attribute, type);
    }
}
