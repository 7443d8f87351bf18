package org.athanor.core.sql;

import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;

/**
 * One method per node kind: what a walk over the SQL tree does at each node ({@link SqlNode#accept}
 * dispatches here). The compiler (rendering SQL) and FROM inference (collecting the tables a clause
 * draws on) both implement it, so a node kind added here must be handled by both before core
 * compiles again: a new node cannot be silently skipped by one of them.
 *
 * <p>Every method is abstract on purpose. Dialect modules do not add node kinds here; their
 * constructs are {@link Extension}s, visited through {@link #visitExtension}.
 */
public interface SqlVisitor {
    void visitParam(Param<?> p);
    void visitLiteral(Literal<?> l);
    void visitStar(Star s);
    void visitColumn(Column<?> c);
    void visitLabel(Label<?> l);
    void visitComparison(Comparison c);
    void visitBinary(Binary<?> b);
    void visitUnary(Unary<?> u);
    void visitBooleanList(BooleanList b);
    void visitNot(Not n);
    void visitAdapted(Adapted a);
    void visitIsNull(IsNull n);
    void visitIsDistinct(IsDistinct d);
    void visitBetween(Between b);
    void visitInList(InList in);
    void visitInSelect(InSelect in);
    void visitInArray(InArray in);
    void visitTuple(Tuple t);
    void visitLike(Like l);
    void visitRegexpMatch(RegexpMatch m);
    void visitRegexpReplace(RegexpReplace r);
    void visitFunction(FunctionCall<?> f);
    void visitNextValue(NextValue n);
    void visitCast(Cast<?> c);
    void visitCase(Case<?> c);
    void visitExtract(Extract e);
    void visitOver(Over<?> o);
    void visitAggregateFilter(AggregateFilter<?> f);
    void visitQuantified(Quantified<?> q);
    void visitLateral(Lateral l);
    void visitScalarSubquery(ScalarSubquery<?> s);
    void visitExists(Exists e);
    void visitOrderItem(OrderItem o);
    void visitExtension(Extension e);
    void visitParamList(ParamList list);
    void visitText(Text t);
    void visitTable(Table t);
    void visitSubquery(Subquery s);
    void visitCompoundSubquery(CompoundSubquery s);
    void visitValues(Values v);
    void visitJoin(Join j);
    void visitSelect(Select<?> s);
    void visitCompoundSelect(CompoundSelect<?> cs);
    void visitCte(Cte c);
    void visitWithQuery(WithQuery<?> w);
    void visitWithDml(WithDml w);
    void visitInsert(Insert i);
    void visitOnConflict(OnConflict oc);
    void visitExcluded(Excluded<?> e);
    void visitUpdate(Update u);
    void visitDelete(Delete d);
}
