package org.athanor.examples.readme;

import static org.athanor.core.type.SqlTypes.*;

import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;

public final class Users extends Table {
    public static final Users USERS = new Users();

    public final Column<Long> ID = column("id", BIGINT, primaryKey(), autoincrement());
    public final Column<String> NAME = column("name", varchar(50), notNull());
    public final Column<String> FULLNAME = column("fullname", varchar(100));
    public final Column<Integer> AGE = column("age", INTEGER, index());

    private Users() { super("users"); }
    private Users(String alias) { super(USERS, alias); }
    @Override public Users as(String alias) { return new Users(alias); }   // aliases keep typed columns
}
