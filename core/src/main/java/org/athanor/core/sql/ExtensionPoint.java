package org.athanor.core.sql;

/** The sealed root that {@link Extension} opens for dialect modules. */
public sealed interface ExtensionPoint permits Extension {}
