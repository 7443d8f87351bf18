package org.athanor.core.routing;

import org.athanor.core.error.AthanorException;

/** A read found no usable replica and the router may not fall back to the primary; the message names each replica and why. */
public class ReplicaUnavailableError extends AthanorException {
    public ReplicaUnavailableError(String message) { super(message); }
}
