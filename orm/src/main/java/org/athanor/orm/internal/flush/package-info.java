/**
 * Internal (not API; public types here serve org.athanor.orm only): the flush. {@link
 * org.athanor.orm.internal.flush.Flusher} collects pending, dirty and deleted states from the unit of
 * work, emits Core statements through the session's connection, and finalizes each written state
 * through the unit of work; {@link org.athanor.orm.internal.flush.Versions} computes {@code @Version}
 * values. {@link
 * org.athanor.orm.internal.flush.FlushPlan} orders the rows of a flush by their foreign-key dependencies, one
 * row at a time, so that a row of a self-referential table is inserted after the row it references
 * (and deleted before it), and a cycle of rows is broken by writing one reference later with an UPDATE.
 * The plan works on rows as opaque values with key and reference functions, so it does not depend on
 * the session's object states and is unit-tested on its own; relationship dependency processors
 * (one per relationship direction) will add their edges here.
 */
package org.athanor.orm.internal.flush;
