/**
 * The mapping rules (names, annotation checks) shared by the ORM runtime and the annotation
 * processor. Not an application API: exported only to those two modules.
 */
module org.athanor.orm.rules {
    exports org.athanor.orm.rules to org.athanor.orm, org.athanor.orm.processor;
}
