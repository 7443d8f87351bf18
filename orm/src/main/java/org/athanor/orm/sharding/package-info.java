/**
 * Horizontal sharding for the ORM (SQLAlchemy's {@code sqlalchemy.ext.horizontal_shard}): a
 * {@link org.athanor.orm.sharding.ShardedSession} over several databases, with user-supplied
 * choosers for where a new object goes, which shards an id can be on, and which shards a query must
 * visit. Identity is per shard: the session holds one ordinary Session per shard it touched, so
 * equal ids on two shards are two objects. See docs/scale-out.md.
 */
package org.athanor.orm.sharding;
