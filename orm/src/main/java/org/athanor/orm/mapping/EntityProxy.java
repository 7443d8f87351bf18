package org.athanor.orm.mapping;

/**
 * Implemented by the proxy classes the annotation processor generates for the targets of
 * {@code fetch = LAZY} references ({@code User_Proxy extends User}). A proxy stands for a row whose key
 * is known and whose other columns are not read yet: every public method but the id getter asks its
 * {@link ProxyLoader} to load it first. Not for application code; the names carry {@code athanor$} so
 * that they cannot clash with an entity's own methods.
 */
public interface EntityProxy {
    /** The loader while the proxy is unloaded; null once it is loaded (or was never handed to a session). */
    ProxyLoader athanor$loader();

    /** Sets (or, with null, clears) the loader. */
    void athanor$loader(ProxyLoader loader);
}
