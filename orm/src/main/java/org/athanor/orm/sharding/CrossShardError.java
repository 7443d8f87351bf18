package org.athanor.orm.sharding;

import org.athanor.core.error.AthanorException;

/**
 * An object on one shard refers to an object held for another shard. Relationships stay within a
 * shard (a foreign key cannot point into another database); the message names both objects, both
 * shards and the relationship.
 */
public class CrossShardError extends AthanorException {
    public CrossShardError(String message) { super(message); }
}
