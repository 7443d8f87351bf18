package org.athanor.orm.processor;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles Java source strings in-process, with or without the {@link EntityProcessor}, into a temporary
 * directory; the classes load through their own class loader. Tests use it for compile errors and for
 * entities that must not get a generated accessor.
 */
public final class TestJavac {
    /**
     * The outcome: error diagnostics, generated sources, and a loader for the compiled classes; {@code errorSites}: per
     * error, the source line from its position on (where javac puts it: the name of the element it was reported on).
     */
    public record Result(List<String> errors, List<String> errorSites, Path outputDir, Path generatedDir, ClassLoader loader) {
        public boolean success() { return errors.isEmpty(); }

        /** Loads a compiled class; test sources use their own packages so the test class path cannot shadow them. */
        public Class<?> load(String name) {
            try {
                return Class.forName(name, true, loader);
            } catch (ClassNotFoundException e) {
                throw new AssertionError("class " + name + " was not compiled; output: " + list(outputDir), e);
            }
        }

        public String generated(String relativePath) {
            try {
                return Files.readString(generatedDir.resolve(relativePath));
            } catch (IOException e) {
                throw new AssertionError(relativePath + " was not generated; generated: " + list(generatedDir), e);
            }
        }

        public boolean hasGenerated(String relativePath) { return Files.exists(generatedDir.resolve(relativePath)); }
    }

    private TestJavac() {}

    /** Compiles {@code sources} (qualified class name -> source) with the processor when {@code process}. */
    public static Result compile(Map<String, String> sources, boolean process, String... extraOptions) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            Path out = Files.createTempDirectory("athanor-javac-out");
            Path gen = Files.createTempDirectory("athanor-javac-gen");
            fm.setLocation(StandardLocation.CLASS_OUTPUT, List.of(out.toFile()));
            fm.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(gen.toFile()));
            fm.setLocation(StandardLocation.CLASS_PATH, classpath());
            List<JavaFileObject> units = new ArrayList<>();
            sources.forEach((name, code) -> units.add(new Source(name, code)));
            List<String> options = new ArrayList<>(List.of("--release", "17"));
            if (!process) options.add("-proc:none");
            options.addAll(List.of(extraOptions));
            JavaCompiler.CompilationTask task = javac.getTask(null, fm, diagnostics, options, null, units);
            if (process) task.setProcessors(List.of(new EntityProcessor()));
            task.call();
            List<String> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getMessage(Locale.ROOT)).toList();
            List<String> sites = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).map(TestJavac::site).toList();
            ClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, TestJavac.class.getClassLoader());
            return new Result(errors, sites, out, gen, loader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jars and directories of the orm module's compile classpath, found from classes they hold. */
    private static List<File> classpath() {
        List<File> cp = new ArrayList<>();
        for (Class<?> c : List.of(jakarta.persistence.Entity.class, org.athanor.orm.mapping.ClassMapping.class,
                org.athanor.core.schema.Table.class, io.vavr.Tuple.class, TestJavac.class)) {
            try {
                cp.add(new File(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return cp;
    }

    private static String site(Diagnostic<? extends JavaFileObject> d) {
        if (d.getSource() == null || d.getPosition() == Diagnostic.NOPOS) return "";
        try {
            String text = d.getSource().getCharContent(true).toString().substring((int) d.getPosition());
            return text.lines().findFirst().orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String list(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).collect(Collectors.joining(", "));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String className, String code) {
            super(java.net.URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override public CharSequence getCharContent(boolean ignoreEncodingErrors) { return code; }
    }
}
