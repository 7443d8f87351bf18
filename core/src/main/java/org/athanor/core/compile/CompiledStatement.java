package org.athanor.core.compile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.athanor.core.sql.Param;
import org.athanor.core.sql.StatementTemplate;
import org.athanor.core.type.SqlType;

/**
 * A statement compiled for one dialect, with its bound values:
 * <pre>{@code
 * CompiledStatement c = SqliteDialect.INSTANCE.compile(select(USERS.NAME).where(USERS.ID.eq(1L)));
 * c.sql();         // SELECT users.name FROM users WHERE users.id = ?
 * c.parameters();  // [1]
 * }</pre>
 */
public final class CompiledStatement {
    private final StatementTemplate template;
    private final Param<?>[] params;

    public CompiledStatement(StatementTemplate template, Param<?>[] params) {
        this.template = template;
        this.params = params;
    }

    public String sql() { return template.sql(); }

    /** The shareable part (what the statement cache holds for this shape). */
    public StatementTemplate template() { return template; }

    /** The canonical parameters (walk order); placeholders refer to them through the template. */
    public Param<?>[] canonicalParams() { return params; }

    /** The values bound to the placeholders, in placeholder order. */
    public List<Object> parameters() {
        List<Object> out = new ArrayList<>(template.slotCount());
        for (int i = 0; i < template.slotCount(); i++) out.add(params[template.slot(i)].value());
        return Collections.unmodifiableList(out);
    }

    /** The SQL types of the result columns (empty for statements without rows). */
    public List<SqlType<?>> resultTypes() { return template.resultTypes(); }

    public List<String> resultNames() { return template.resultNames(); }

    /** The compiler's warnings about the statement (a cartesian product, see {@link StatementTemplate#warnings}); usually empty. */
    public List<String> warnings() { return template.warnings(); }

    @Override public String toString() { return sql() + " " + parameters(); }
}
