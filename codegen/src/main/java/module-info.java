/** Code generation: typed {@code Table} classes from a live database's schema (and its command line). */
module org.athanor.codegen {
    requires transitive org.athanor.core;
    // javax.lang.model.SourceVersion: which generated names are Java keywords
    requires java.compiler;

    exports org.athanor.codegen;
}
