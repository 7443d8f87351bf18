package org.athanor.core.routing;

import org.athanor.core.error.AthanorException;

/**
 * An operation on one shard failed for a reason other than a database error (those keep their own
 * type, with the shard named in the message); {@link #shard()} says which.
 */
public class ShardError extends AthanorException {
    private final String shard;

    public ShardError(String shard, String message, Throwable cause) {
        super(message, cause);
        this.shard = shard;
    }

    /** The id of the shard that failed. */
    public String shard() { return shard; }
}
