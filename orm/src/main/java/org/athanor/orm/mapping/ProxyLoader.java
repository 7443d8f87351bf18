package org.athanor.orm.mapping;

/**
 * Loads an unloaded {@link EntityProxy} in place (the session's lazy to-one loading). Generated proxies
 * call {@link #load} at the start of every intercepted method; when it returns, the proxy's fields hold
 * its row. It throws {@code DetachedInstanceError} when the proxy's session is closed or no longer holds it.
 */
@FunctionalInterface
public interface ProxyLoader {
    void load(Object proxy);
}
