/**
 * The metamodel annotation processor ({@code User_}, {@code User_Accessor}). It belongs on the
 * compiler's processor path; the service registration below serves {@code --processor-module-path},
 * META-INF/services serves {@code -processorpath}.
 */
module org.athanor.orm.processor {
    requires java.compiler;
    requires org.athanor.orm.rules;

    provides javax.annotation.processing.Processor with org.athanor.orm.processor.EntityProcessor;
}
