/**
 * Internal (not API; public types here serve org.athanor.orm only): the registry-scoped mapper model.
 * {@link org.athanor.orm.internal.mapping.Mapper} is the one description of an entity inside a
 * {@link org.athanor.orm.Registry}, built by {@link org.athanor.orm.internal.mapping.Mapper#configure} (the configure phase is {@code MapperConfiguration})
 * from the per-class table and properties ({@link org.athanor.orm.mapping.ClassMapping}, which the generated
 * metamodel reads outside any registry) and is the only description of the entity that sessions, queries, loading,
 * the flush and sharding work with; {@link
 * org.athanor.orm.internal.mapping.IdKey} is a row's identity (base mapper, key values, identity token);
 * {@link org.athanor.orm.internal.mapping.SelfReferences} are a table's foreign keys to itself. Inheritance:
 * {@code Polymorphic} gives each mapper its polymorphic load statement at configure time,
 * {@link org.athanor.orm.internal.mapping.PolymorphicLoad} plans a query's selectinPolymorphic / withPolymorphic,
 * and {@link org.athanor.orm.internal.mapping.ConcreteCriteria} adapts filters of a table-per-class union.
 */
package org.athanor.orm.internal.mapping;
