/**
 * Internal (not API; public types here serve org.athanor.orm only): loading. It reaches the session only
 * through {@link org.athanor.orm.internal.loading.Loading.Host}, and reads query options as
 * {@link org.athanor.orm.internal.loading.LoadSpec}s. The ORM compile stage:
 * {@link org.athanor.orm.internal.loading.OrmCompiler} turns what a query asks for into the Core SELECT that
 * runs and a description of where each loaded entity's columns sit in its rows; the session's hydrator
 * ({@link org.athanor.orm.internal.loading.Loading}; with {@code JoinedLoading}, {@code ToOneLoading},
 * {@code CollectionLoading}, {@code SelectinPolymorphic}, and {@code CollectionState} behind the ORM's RelationList/RelationSet) turns rows into objects from that description alone. Loader strategies
 * (joined eager loads, polymorphic columns) extend the compiled statement here, without touching the
 * Session or the Query API.
 */
package org.athanor.orm.internal.loading;
