/**
 * Scale-out on the client side: {@link org.athanor.core.routing.RoutingEngine} sends reads to
 * replicas and writes to the primary; {@link org.athanor.core.routing.ShardSet} runs one statement on
 * several independent databases (shards) and merges the rows. See docs/scale-out.md.
 */
package org.athanor.core.routing;
