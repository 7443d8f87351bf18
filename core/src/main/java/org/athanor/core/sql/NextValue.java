package org.athanor.core.sql;

import java.util.Objects;
import org.athanor.core.schema.Sequence;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/**
 * The next value of a sequence: {@code NEXT VALUE FOR name} in standard SQL (MariaDB), spelled by
 * each dialect's compiler ({@code nextval('name')} on PostgreSQL). Made by {@link Sql#nextValue}.
 */
public record NextValue(Sequence sequence) implements Expression<Long> {
    public NextValue {
        Objects.requireNonNull(sequence, "sequence");
    }

    @Override public SqlType<Long> type() { return SqlTypes.BIGINT; }

    @Override public void accept(SqlVisitor c) { c.visitNextValue(this); }

    @Override public void key(KeyBuilder k) {
        k.add(NextValue.class);
        k.add(sequence.schema() == null ? "" : sequence.schema());
        k.add(sequence.name());
    }
}
