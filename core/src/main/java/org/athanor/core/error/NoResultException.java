package org.athanor.core.error;

/** {@code one()} found no row. */
public class NoResultException extends AthanorException {
    public NoResultException(String message) { super(message); }

    public NoResultException(String message, Throwable cause) { super(message, cause); }
}
