package org.athanor.core.dialect;

import org.athanor.core.sql.NodeRenderer;
import org.athanor.core.sql.SqlNode;

/** {@code toString()} of every node: the generic dialect (registered in {@code META-INF/services}). */
public final class GenericNodeRenderer implements NodeRenderer {
    @Override public String render(SqlNode node) { return GenericDialect.INSTANCE.render(node); }
}
