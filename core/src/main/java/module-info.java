/**
 * Athanor Core: schema and types, the immutable SQL expression tree, the compiler and the Engine.
 *
 * <p>Every package exported here is API (what applications call) or SPI (what a dialect module
 * implements: {@link org.athanor.core.dialect.Dialect}, {@link org.athanor.core.dialect.DialectProvider},
 * the compiler base class). Dialects are found through {@link java.util.ServiceLoader}: a dialect module
 * declares {@code provides org.athanor.core.dialect.DialectProvider with ...}.
 */
module org.athanor.core {
    // java.sql.Connection / javax.sql.DataSource and Vavr's tuples appear in the API
    requires transitive java.sql;
    requires transitive io.vavr;
    requires com.zaxxer.hikari;
    requires org.slf4j;

    exports org.athanor.core.compile;
    exports org.athanor.core.dialect;
    exports org.athanor.core.engine;
    exports org.athanor.core.error;
    exports org.athanor.core.inspect;
    exports org.athanor.core.routing;
    exports org.athanor.core.schema;
    exports org.athanor.core.sql;
    exports org.athanor.core.type;

    // Internals (internal.compile, internal.bulk) are exported to no module: the ORM reads rows through
    // compile.ResultColumns, and the public signatures name the exported StatementTemplate and KeyBuilder.

    uses org.athanor.core.dialect.DialectProvider;
    // a statement's toString renders with the generic dialect, which sql finds as a service (sql does not
    // depend on dialect); core provides it itself
    uses org.athanor.core.sql.NodeRenderer;
    provides org.athanor.core.sql.NodeRenderer with org.athanor.core.dialect.GenericNodeRenderer;
}
