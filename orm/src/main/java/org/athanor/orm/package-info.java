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
 * {@code User_} metamodel and accessors is in {@code org.athanor.orm.processor}.
 */
package org.athanor.orm;
