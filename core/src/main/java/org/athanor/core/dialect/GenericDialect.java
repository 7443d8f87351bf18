package org.athanor.core.dialect;

import org.athanor.core.compile.DialectFeatures;

/**
 * ANSI SQL with no database behind it: what {@code statement.toString()} renders with.
 * Compiling with it never touches a database.
 */
public final class GenericDialect extends Dialect {
    public static final GenericDialect INSTANCE = new GenericDialect(DialectFeatures.builder()
            .returning(true).updateReturning(true).deleteReturning(true).fullJoin(true).rightJoin(true).tupleIn(true).anyArray(true)
            .nullsOrdering(true).forUpdate(true).forShare(true).nowait(true).skipLocked(true).updateFrom(true)
            .deleteUsing(true).lateral(true).filterClause(true).intersectExceptAll(true)
            .parenthesizedSetMembers(true).quantifiedComparison(true).cteBeforeUpdateAndDelete(true).lagLeadDefault(true).groupsFrame(true)
            .valuesColumnList(true).fetchFirst(true).fetchWithTies(true).intervalRangeOffsets(true).build());

    private GenericDialect(DialectFeatures features) { super(features); }

    @Override public String name() { return "generic"; }

    @Override public Dialect withFeatures(DialectFeatures features) { return new GenericDialect(features); }
}
