package org.athanor.core.sql;

import java.util.ServiceLoader;

/** Finds the {@link NodeRenderer} on first use (class initialization), then holds it: immutable. */
final class GenericRendererHolder {
    private GenericRendererHolder() {}

    static final NodeRenderer INSTANCE = load();

    private static NodeRenderer load() {
        for (NodeRenderer r : ServiceLoader.load(NodeRenderer.class, NodeRenderer.class.getClassLoader())) return r;
        throw new IllegalStateException("no " + NodeRenderer.class.getName() + " is registered: athanor-core's "
                + "META-INF/services entry is missing from the class path (a shaded jar must merge service files)");
    }
}
