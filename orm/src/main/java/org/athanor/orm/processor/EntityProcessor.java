package org.athanor.orm.processor;

import java.io.IOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Generates, for each {@code @jakarta.persistence.Entity} class {@code User}, the typed metamodel
 * {@code User_} (Core columns: {@code User_.name} is a {@code Column<String>}) and {@code User_Accessor}
 * (instantiation and field access without reflection), and fails the compile on mapping mistakes it can
 * see, naming the class and field. Registered in META-INF/services, so javac finds it on the classpath;
 * with Maven's {@code annotationProcessorPaths}, list athanor-orm there (see docs/orm-processor.md).
 *
 * <p>Option {@code -Aathanor.orm.exclude=com.acme.legacy,com.acme.hibernate.Order}: classes whose qualified
 * name starts with one of the comma-separated prefixes are skipped (entities mapped by another JPA provider,
 * or deliberately unprocessed ones); the runtime maps them with MethodHandles and reports its own errors.
 *
 * <p>Private fields are reached through a getter/setter pair when both exist, else through a
 * {@code static final VarHandle} in the accessor (as fast as a field access once JIT-compiled).
 */
public final class EntityProcessor extends AbstractProcessor {
    /** The processor option listing class-name prefixes to skip. */
    public static final String EXCLUDE_OPTION = "athanor.orm.exclude";

    private final Set<String> done = new HashSet<>();

    @Override public Set<String> getSupportedAnnotationTypes() { return Set.of("jakarta.persistence.Entity"); }

    @Override public Set<String> getSupportedOptions() { return Set.of(EXCLUDE_OPTION); }

    private boolean excluded(String className) {
        String option = processingEnv.getOptions().get(EXCLUDE_OPTION);
        if (option == null) return false;
        for (String prefix : option.split(","))
            if (!prefix.isBlank() && className.startsWith(prefix.trim())) return true;
        return false;
    }

    @Override public SourceVersion getSupportedSourceVersion() { return SourceVersion.latestSupported(); }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            for (Element e : round.getElementsAnnotatedWith(annotation)) {
                if (!(e instanceof TypeElement type) || !done.add(type.getQualifiedName().toString())) continue;
                if (excluded(type.getQualifiedName().toString())) continue;
                EntityModel model = EntityModel.analyze(type, processingEnv);
                if (model != null) write(model);
            }
        }
        return false;
    }

    private void write(EntityModel m) {
        String prefix = m.packageName.isEmpty() ? "" : m.packageName + ".";
        Element[] origins = m.originating.toArray(Element[]::new);
        write(prefix + m.generatedBase + "_", SourceWriter.metamodel(m), origins, m);
        write(prefix + m.generatedBase + "_Accessor", SourceWriter.accessor(m), origins, m);
    }

    private void write(String name, String source, Element[] origins, EntityModel m) {
        Filer filer = processingEnv.getFiler();
        try (Writer w = filer.createSourceFile(name, origins).openWriter()) {
            w.write(source);
        } catch (IOException ex) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "cannot write " + name + " for " + m.entityName + ": " + ex.getMessage(), m.entity);
        }
    }
}
