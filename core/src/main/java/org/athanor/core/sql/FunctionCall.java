package org.athanor.core.sql;

import java.util.List;
import org.athanor.core.compile.KeyBuilder;
import org.athanor.core.compile.SqlCompiler;
import org.athanor.core.type.SqlType;

/** {@code name([DISTINCT] args...)}; built through {@link Sql#func} and the helpers in {@link Sql}. */
public record FunctionCall<T>(String name, List<Expression<?>> args, SqlType<T> type, boolean distinct) implements Expression<T> {
    public FunctionCall { args = List.copyOf(args); }
    @Override public void accept(SqlCompiler c) { c.visitFunction(this); }
    @Override public void key(KeyBuilder k) { k.add(FunctionCall.class); k.add(name); k.add(distinct); k.add(type); k.add(args.size()); for (var a : args) a.key(k); }
}
