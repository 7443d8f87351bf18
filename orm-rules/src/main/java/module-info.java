/**
 * The mapping rules (names, annotation checks) shared by the ORM runtime and the annotation
 * processor, and the structural checks written once over a source-neutral view of the mapped classes
 * ({@code org.athanor.orm.rules.check}). Not an application API: exported only to those two modules.
 */
module org.athanor.orm.rules {
    exports org.athanor.orm.rules to org.athanor.orm, org.athanor.orm.processor;
    exports org.athanor.orm.rules.check to org.athanor.orm, org.athanor.orm.processor;
}
