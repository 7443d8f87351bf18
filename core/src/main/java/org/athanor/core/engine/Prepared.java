package org.athanor.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.athanor.core.internal.compile.CompiledTemplate;
import org.athanor.core.sql.Param;

/** A compiled template (from the Engine's statement cache, or compiled now) with one statement's canonical parameters. */
record Prepared(CompiledTemplate template, Param<?>[] params, boolean cached) {
    /**
     * The value given at execution for a named parameter; an error naming it when none was (the
     * message says how to give one).
     */
    static Object namedValue(Param<?> p, Map<String, ?> named, String sql) {
        if (named != null) {
            Object v = named.get(p.name());
            if (v != null || named.containsKey(p.name())) {
                if (v instanceof java.util.Collection<?>)
                    throw new IllegalArgumentException("a list was given for :" + p.name() + ", but only the single parameter of an "
                            + "IN expands to a list: col.in(bindParam(\"" + p.name() + "\", type)); in: " + sql);
                return v;
            }
        }
        throw new IllegalArgumentException("parameter :" + p.name() + " has no value: give it at execution, "
                + "conn.execute(statement, Map.of(\"" + p.name() + "\", value)), or per set with executeMany; in: " + sql);
    }

    /** The values {@code p} binds, in placeholder order: for listeners, built only when one is registered. */
    static List<Object> values(Prepared p, Map<String, ?> named) {
        CompiledTemplate t = p.template();
        List<Object> values = new ArrayList<>(t.slotCount());
        for (int i = 0; i < t.slotCount(); i++) {
            Param<?> param = p.params()[t.slot(i)];
            values.add(param.name() != null && named != null ? named.get(param.name()) : param.value());
        }
        return values;
    }
}
