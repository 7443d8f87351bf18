package org.athanor.sqlite;

import static org.athanor.core.type.SqlTypes.*;

import org.athanor.core.fixtures.Users;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;

/** Two foreign keys to users, so that a join to users cannot be inferred. */
final class Messages extends Table {
    static final Messages MESSAGES = new Messages();
    final Column<Long> ID = column("id", BIGINT, primaryKey());
    final Column<Long> SENDER = column("sender_id", BIGINT, references(Users.USERS.ID));
    final Column<Long> RECIPIENT = column("recipient_id", BIGINT, references(Users.USERS.ID));

    private Messages() { super("messages"); }
}
