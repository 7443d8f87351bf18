/**
 * Internal (not API; public types here serve org.athanor.orm only): the ORM compile stage of loading.
 * {@link org.athanor.orm.internal.loading.OrmCompiler} turns what a query asks for into the Core SELECT that
 * runs and a description of where each loaded entity's columns sit in its rows; the session's hydrator
 * (org.athanor.orm.Loading) turns rows into objects from that description alone. Loader strategies
 * (joined eager loads, polymorphic columns) extend the compiled statement here, without touching the
 * Session or the Query API.
 */
package org.athanor.orm.internal.loading;
