package org.athanor.core.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.athanor.core.type.SqlType;

/**
 * {@code CASE [subject] WHEN ... THEN ... [ELSE ...] END}. Searched form through
 * {@link Sql#caseWhen}, simple form through {@link Sql#caseOf}; each call returns a new value.
 *
 * <pre>{@code
 * caseWhen(USERS.AGE.lt(18), "minor").when(USERS.AGE.lt(65), "adult").otherwise("senior")
 * caseOf(USERS.AGE).when(30, "thirty").when(40, "forty").otherwise("other")
 * }</pre>
 *
 * Without {@link #otherwise} a row that matches no branch yields NULL, as in SQL.
 */
public final class Case<T> implements Expression<T> {
    /** One {@code WHEN condition THEN result} (for the simple form the condition is the value matched). */
    public record When(Expression<?> condition, Expression<?> result) {}

    private final Expression<?> subject;
    private final List<When> whens;
    private final Expression<?> otherwise;
    private final SqlType<T> type;

    Case(Expression<?> subject, List<When> whens, Expression<?> otherwise, SqlType<T> type) {
        this.subject = subject;
        this.whens = whens;
        this.otherwise = otherwise;
        this.type = type;
    }

    /** The expression compared by a simple CASE, or null for a searched CASE. */
    public Expression<?> subject() { return subject; }
    public List<When> whens() { return whens; }
    /** The ELSE result, or null. */
    public Expression<?> otherwise() { return otherwise; }
    @Override public SqlType<T> type() { return type; }

    /** Another branch of a searched CASE. */
    public Case<T> when(Expression<Boolean> condition, T result) { return add(checkSearched(condition), bind(result)); }

    public Case<T> when(Expression<Boolean> condition, Expression<? extends T> result) { return add(checkSearched(condition), result); }

    /** Another branch of a simple CASE: {@code WHEN match THEN result}; {@code match} is bound typed like the subject. */
    public Case<T> when(Object match, T result) { return add(matchValue(match), bind(result)); }

    public Case<T> when(Object match, Expression<? extends T> result) { return add(matchValue(match), result); }

    /** {@code ELSE result}. */
    public Case<T> otherwise(T result) { return new Case<>(subject, whens, bind(result), type); }

    public Case<T> otherwise(Expression<? extends T> result) { return new Case<>(subject, whens, result, type); }

    private Expression<?> checkSearched(Expression<Boolean> condition) {
        // a Condition given to a simple CASE is a value to match only if the subject is boolean
        if (subject != null && subject.type().javaType() != Boolean.class)
            throw new IllegalArgumentException("caseOf(" + subject + ") compares values; when(" + condition
                    + ", ...) gives a condition: use caseWhen(...) for conditions");
        return condition;
    }

    private Expression<?> matchValue(Object match) {
        if (subject == null)
            throw new IllegalArgumentException("caseWhen(...).when(...) needs a condition, got " + match
                    + "; use caseOf(expression) to match values");
        return match instanceof Expression<?> e ? e : subject.bind(match);
    }

    private Case<T> add(Expression<?> condition, Expression<?> result) {
        List<When> w = new ArrayList<>(whens.size() + 1);
        w.addAll(whens);
        w.add(new When(condition, result));
        return new Case<>(subject, Collections.unmodifiableList(w), otherwise, type);
    }

    @Override public void accept(SqlVisitor c) { c.visitCase(this); }

    @Override
    public void key(KeyBuilder k) {
        k.add(Case.class);
        k.add(type);
        k.opt(subject);
        k.add(whens.size());
        for (When w : whens) { w.condition().key(k); w.result().key(k); }
        k.opt(otherwise);
    }

    @Override public String toString() { return Sql.render(this); }
}
