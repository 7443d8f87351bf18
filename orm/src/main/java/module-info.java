/**
 * The Athanor ORM: Jakarta Persistence mappings, Session, unit of work and queries.
 *
 * <p>The ORM reads and writes the fields of your entity classes reflectively (or through the
 * accessors the annotation processor generates beside them, which it instantiates reflectively), so an
 * application that is itself a named module opens its entity packages to this module:
 *
 * <pre>{@code
 * module com.example.app {
 *     requires org.athanor.orm;       // brings org.athanor.core and jakarta.persistence along
 *     opens com.example.model to org.athanor.orm;
 * }
 * }</pre>
 *
 * The dialect needs no {@code requires}: on the module path it is a service found by the URL's scheme.
 * A mapping of a class whose package is not open fails with a MappingException that names the
 * package and the line to add.
 */
module org.athanor.orm {
    requires transitive org.athanor.core;
    // the mapping vocabulary (@Entity, @Column, CascadeType, ...) is part of the ORM's API
    requires transitive jakarta.persistence;
    requires org.athanor.orm.rules;
    requires org.slf4j;

    exports org.athanor.orm;
    exports org.athanor.orm.sharding;
    // ClassMapping and EntityAccessor: used by the code the annotation processor generates in the
    // application's packages (User_, User_Accessor)
    exports org.athanor.orm.mapping;
}
