package org.athanor.core.error;

/** {@code one()} or {@code oneOrNull()} found more than one row. */
public class MultipleResultsException extends AthanorException {
    public MultipleResultsException(String message) { super(message); }

    public MultipleResultsException(String message, Throwable cause) { super(message, cause); }
}
