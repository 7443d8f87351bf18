package org.athanor.core.sql;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.compile.KeyBuilder;
import org.athanor.core.compile.SqlCompiler;
import org.athanor.core.schema.Table;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/** {@code EXTRACT(part FROM x)} as an integer; dialects without EXTRACT spell it their way. */
public record Extract(DatePart part, Expression<?> operand) implements Expression<Integer>, TableSource {
    @Override public SqlType<Integer> type() { return SqlTypes.INTEGER; }
    @Override public List<Table> sourceTables() { List<Table> out = new ArrayList<>(); TableCollector.collect(operand, out); return out; }
    @Override public void accept(SqlCompiler c) { c.visitExtract(this); }
    @Override public void key(KeyBuilder k) { k.add(Extract.class); k.add(part); operand.key(k); }
}
