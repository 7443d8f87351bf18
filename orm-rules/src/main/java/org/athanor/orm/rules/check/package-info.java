/**
 * Internal: the mapping checks written once for the runtime (reflection) and the annotation processor
 * (javax.lang.model). Each side adapts what it reads to the views ({@link org.athanor.orm.rules.check.ClassView},
 * {@link org.athanor.orm.rules.check.FieldView}, {@link org.athanor.orm.rules.check.TypeView},
 * {@link org.athanor.orm.rules.check.AnnotationView}); the checks return the first {@link
 * org.athanor.orm.rules.check.Problem}, which the runtime throws as a MappingException and the processor
 * reports as a compile error on the offending element. Not API.
 */
package org.athanor.orm.rules.check;
