/**
 * Athanor's ORM: entity classes mapped with Jakarta Persistence annotations onto Core tables, and a
 * {@link org.athanor.orm.Session} that loads them through an identity map and writes them back as
 * Core statements (SQLAlchemy's ORM, for Java).
 *
 * <pre>{@code
 * Registry registry = Registry.of(User.class);
 * registry.metadata().createAll(engine);
 * SessionFactory sessions = SessionFactory.of(engine, registry);
 *
 * try (Session session = sessions.openSession()) {
 *     session.add(new User("Alice", "alice@example.com", 31));
 *     session.commit();                                         // INSERT ... RETURNING id
 *
 *     User alice = session.query(User.class).filterBy("name", "Alice").one();
 *     alice.setAge(32);
 *     List<User> older = session.query(User.class)
 *             .filter(User_.age.gt(30)).orderBy(User_.name.desc()).all();   // autoflush: UPDATE first
 *     session.commit();
 * }
 * }</pre>
 *
 * The mapping layer is in {@code org.athanor.orm.mapping}; the annotation processor generating the
 * {@code User_} metamodel and accessors is the separate artifact {@code athanor-orm-processor}
 * (package {@code org.athanor.orm.processor}), sharing the mapping rules of {@code athanor-orm-rules}.
 *
 * <p>Packages: this one is the API (Session, SessionFactory, Registry, Query, exceptions) plus, for now,
 * the package-private loaders and relationship collections; {@code org.athanor.orm.mapping} reads the
 * annotations of a class (what generated code uses); {@code org.athanor.orm.internal.loading} loads (compile stage, hydration, loader strategies, collections).
 * Internals, whose public types serve this module only: {@code org.athanor.orm.internal.mapping}
 * (the Registry's {@code Mapper}s and identity keys), {@code .internal.uow} (the unit of work: object
 * states, identity map, transaction levels) and {@code .internal.flush} (the flush). See docs/orm-internals.md.
 */
package org.athanor.orm;
