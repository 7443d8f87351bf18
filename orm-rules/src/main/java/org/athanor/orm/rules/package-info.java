/**
 * Internal: the mapping rules the runtime (athanor-orm) and the annotation processor
 * (athanor-orm-processor) share — which jakarta.persistence annotations are honoured, which Java types
 * map, default names. They live in this small artifact, which depends on nothing, so that the
 * processor does not need the ORM runtime on the compiler's processor path and the ORM's own tests can
 * run the processor (a processor depending on athanor-orm would make that a build cycle). Not API.
 */
package org.athanor.orm.rules;
