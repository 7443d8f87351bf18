/**
 * The annotation processor that generates the typed metamodel {@code <Entity>_} and the reflection-free
 * {@code <Entity>_Accessor} for each {@code @Entity}, and turns mapping mistakes into compile errors.
 * See {@link org.athanor.orm.processor.EntityProcessor}.
 */
package org.athanor.orm.processor;
