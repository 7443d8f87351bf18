package org.athanor.core.error;

/** A statement cannot be compiled for a dialect (a construct it lacks, a missing clause). */
public class CompileError extends AthanorException {
    public CompileError(String message) { super(message); }

    public CompileError(String message, Throwable cause) { super(message, cause); }
}
