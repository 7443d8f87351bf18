package org.athanor.core.sql;

import java.util.List;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/** The start of a simple CASE ({@link Sql#caseOf}): the first {@code when} fixes the result type. */
public final class CaseOf<S> {
    private final Expression<S> subject;

    CaseOf(Expression<S> subject) { this.subject = subject; }

    public <T> Case<T> when(S match, T result) {
        if (result == null) throw new IllegalArgumentException("caseOf(...).when(match, null): give a typed result expression");
        SqlType<T> type = SqlTypes.forValue(result);
        return new Case<>(subject, List.of(new Case.When(subject.bind(match), new Param<>(result, type))), null, type);
    }

    @SuppressWarnings("unchecked")
    public <T> Case<T> when(S match, Expression<? extends T> result) {
        return new Case<>(subject, List.of(new Case.When(subject.bind(match), result)), null, (SqlType<T>) result.type());
    }

    @SuppressWarnings("unchecked")
    public <T> Case<T> when(Expression<? extends S> match, Expression<? extends T> result) {
        return new Case<>(subject, List.of(new Case.When(match, result)), null, (SqlType<T>) result.type());
    }
}
