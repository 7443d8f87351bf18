package org.athanor.core.internal.bulk;

import org.athanor.core.internal.compile.CompiledTemplate;
import org.athanor.core.sql.Param;

/** A template compiled through the engine's cache, its statement's parameters, and whether it came from the cache. */
public record Compiled(CompiledTemplate template, Param<?>[] params, boolean cached) {}
