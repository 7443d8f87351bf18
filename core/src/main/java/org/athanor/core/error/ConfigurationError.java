package org.athanor.core.error;

/** A bad URL, option or mapping, found before any SQL runs. */
public class ConfigurationError extends AthanorException {
    public ConfigurationError(String message) { super(message); }

    public ConfigurationError(String message, Throwable cause) { super(message, cause); }
}
