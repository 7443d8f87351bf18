package org.athanor.core.error;

/** The root of Athanor's exceptions. */
public class AthanorException extends RuntimeException {
    public AthanorException(String message) { super(message); }

    public AthanorException(String message, Throwable cause) { super(message, cause); }
}
