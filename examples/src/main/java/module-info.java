/**
 * The quickstart, as an application module: what a user's module-info needs to use Athanor.
 * <ul>
 * <li>{@code requires org.athanor.orm} (it brings org.athanor.core and jakarta.persistence);</li>
 * <li>no {@code requires} for the dialect: it is a service found by the URL's scheme, resolved because
 *     it is on the module path (here athanor-sqlite);</li>
 * <li>{@code opens} each package of {@code @Entity} classes to org.athanor.orm, which reads and writes
 *     their fields and instantiates the accessors the annotation processor generates beside them.</li>
 * </ul>
 */
module org.athanor.examples {
    requires org.athanor.orm;

    opens org.athanor.examples to org.athanor.orm;
    opens org.athanor.examples.relationships to org.athanor.orm;
    opens org.athanor.examples.inheritance to org.athanor.orm;
}
