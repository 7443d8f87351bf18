package org.athanor.core.sql;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.compile.KeyBuilder;
import org.athanor.core.compile.SqlCompiler;
import org.athanor.core.schema.Table;
import org.athanor.core.type.SqlType;

/** {@code function OVER (window)}: a window function or an aggregate over a window. */
public record Over<T>(Expression<T> function, Window window) implements Expression<T>, TableSource {
    @Override public SqlType<T> type() { return function.type(); }

    @Override
    public List<Table> sourceTables() {
        List<Table> out = new ArrayList<>();
        TableCollector.collect(function, out);
        for (Expression<?> e : window.partitionBy()) TableCollector.collect(e, out);
        for (OrderItem o : window.orderBy()) TableCollector.collect(o, out);
        return out;
    }

    @Override public void accept(SqlCompiler c) { c.visitOver(this); }
    @Override public void key(KeyBuilder k) { k.add(Over.class); function.key(k); window.key(k); }
}
