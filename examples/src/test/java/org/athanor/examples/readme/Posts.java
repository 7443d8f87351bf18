package org.athanor.examples.readme;

import static org.athanor.core.type.SqlTypes.*;

import org.athanor.core.schema.Column;
import org.athanor.core.schema.ReferentialAction;
import org.athanor.core.schema.Table;

public final class Posts extends Table {
    public static final Posts POSTS = new Posts();

    public final Column<Long> ID = column("id", BIGINT, primaryKey(), autoincrement());
    public final Column<Long> USER_ID = column("user_id", BIGINT, notNull(),
            references(Users.USERS.ID).onDelete(ReferentialAction.CASCADE));
    public final Column<String> TITLE = column("title", varchar(200), notNull());

    private Posts() { super("posts"); }
    private Posts(String alias) { super(POSTS, alias); }
    @Override public Posts as(String alias) { return new Posts(alias); }
}
