package org.athanor.orm.mapping;

import org.athanor.core.error.ConfigurationError;

/**
 * A mistake in an entity's mapping annotations, found once when the mapping is built (or at compile
 * time by the annotation processor). The message names the class and, where there is one, the field.
 */
public class MappingException extends ConfigurationError {
    public MappingException(String message) { super(message); }

    public MappingException(String message, Throwable cause) { super(message, cause); }

    static MappingException of(Class<?> entity, String field, String problem) {
        return new MappingException(where(entity, field) + ": " + problem);
    }

    static MappingException of(Class<?> entity, String field, String problem, Throwable cause) {
        return new MappingException(where(entity, field) + ": " + problem, cause);
    }

    static String where(Class<?> entity, String field) {
        return field == null ? entity.getName() : entity.getName() + "." + field;
    }
}
