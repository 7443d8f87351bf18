package org.athanor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.ToolProvider;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module descriptors on the module path (every other test runs on the class path): the quickstart
 * runs as the module org.athanor.examples, and a small application module compiled here with javac
 * uses the exported API (Core and the ORM, the SQLite dialect found as a service), cannot compile
 * against a package that is not exported, and gets a MappingException naming the {@code opens} line
 * to add when it forgets to open its entity package.
 */
class ModulePathTest {
    /** Each module of the path, by a class it holds; the test reads where that class was loaded from. */
    private static final Map<String, String> MODULES = new LinkedHashMap<>();
    static {
        MODULES.put("org.athanor.core", "org.athanor.core.engine.Engine");
        MODULES.put("org.athanor.orm", "org.athanor.orm.Session");
        MODULES.put("org.athanor.orm.rules", "org.athanor.orm.rules.Naming");
        MODULES.put("org.athanor.sqlite", "org.athanor.sqlite.SqliteDialect");
        MODULES.put("io.vavr", "io.vavr.Tuple");
        MODULES.put("io.vavr.match", "io.vavr.match.annotation.Patterns");   // io.vavr requires it
        MODULES.put("com.zaxxer.hikari", "com.zaxxer.hikari.HikariDataSource");
        MODULES.put("org.slf4j", "org.slf4j.Logger");
        MODULES.put("org.slf4j.simple", "org.slf4j.simple.SimpleLogger");
        MODULES.put("jakarta.persistence", "jakarta.persistence.Entity");
        MODULES.put("org.xerial.sqlitejdbc", "org.sqlite.JDBC");
    }

    private static List<Path> modulePath;
    private static Path processorPath;

    @BeforeAll
    static void locateModules() throws Exception {
        modulePath = new ArrayList<>();
        for (Map.Entry<String, String> m : MODULES.entrySet()) {
            Path p = location(m.getValue());
            assertEquals(m.getKey(), moduleName(p), "the module at " + p);
            modulePath.add(p);
        }
        processorPath = location("org.athanor.orm.processor.EntityProcessor");
        assertEquals("org.athanor.orm.processor", moduleName(processorPath));
    }

    @Test
    void theQuickstartRunsAsANamedModule() throws Exception {
        Path examples = location("org.athanor.examples.Quickstart");
        assertEquals("org.athanor.examples", moduleName(examples));
        Run run = java(with(modulePath, examples), "org.athanor.examples/org.athanor.examples.Quickstart");
        assertEquals(0, run.exit, run.output);
        // the ORM half (generated accessors instantiated across modules) and the relationships walkthrough ran
        assertTrue(run.output.contains("ORM: add and addAll"), run.output);
        assertTrue(run.output.contains("users now: "), run.output);
    }

    @Test
    void anApplicationModuleUsesTheExportedApi(@TempDir Path dir) throws Exception {
        Path out = compileApp(dir, true, false);
        Run run = java(with(modulePath, out), "com.example.app/com.example.app.Main", "sqlite://");
        assertEquals(0, run.exit, run.output);
        assertTrue(run.output.contains("notes: 2, b has id 2, core says 2"), run.output);
        assertTrue(run.output.contains("rendered: SELECT count(*) FROM mp_kv"), run.output);
    }

    /**
     * The server dialects and their drivers on the module path: pgjdbc is an automatic module named in its
     * manifest, Connector/J one named after its jar file. The application requires neither.
     */
    @Test
    void theServerDialectsAndTheirDriversResolveOnTheModulePath(@TempDir Path dir) throws Exception {
        List<Path> path = new ArrayList<>(modulePath);
        path.add(module("org.athanor.postgres", "org.athanor.postgres.PostgresDialect"));
        path.add(module("org.postgresql.jdbc", "org.postgresql.Driver"));
        path.add(module("org.athanor.mysql", "org.athanor.mysql.MysqlDialect"));
        path.add(module("mysql.connector.j", "com.mysql.cj.jdbc.Driver"));
        for (String url : List.of(TestDatabases.postgresUrl(), TestDatabases.mysqlUrl())) {
            String scheme = url.substring(0, url.indexOf(':'));
            try (Engine probe = TestDatabases.server(scheme, url, EngineOptions.defaults().poolSize(1))) {
                probe.connect().close();   // skips (or fails under CI=true) when the server does not answer
            }
            // the databases are shared: the application's tables get unique names (and it drops them)
            Path out = compileApp(dir.resolve(scheme), true, false, TestDatabases.uniqueName("mp_note"), TestDatabases.uniqueName("mp_kv"));
            Run run = java(with(path, out), "com.example.app/com.example.app.Main", url);
            assertEquals(0, run.exit, url + ":\n" + run.output);
            assertTrue(run.output.contains("notes: 2, b has id 2, core says 2"), run.output);
        }
    }

    @Test
    void theGeneratedMetamodelAndAccessorWorkInAnApplicationModule(@TempDir Path dir) throws Exception {
        Path out = compileApp(dir, true, true);
        assertTrue(Files.exists(out.resolve("com/example/model/Note_Accessor.class")), "the processor ran on the module path");
        Run run = java(with(modulePath, out), "com.example.app/com.example.app.Main", "sqlite://");
        assertEquals(0, run.exit, run.output);
        assertTrue(run.output.contains("notes: 2, b has id 2, core says 2"), run.output);
    }

    @Test
    void aProjectionRecordInAPackageNotOpenedIsReportedWithTheLineToAdd(@TempDir Path dir) throws Exception {
        Path out = compileApp(dir, true, false);
        Run run = java(with(modulePath, out), "com.example.app/com.example.app.Main", "sqlite://", "project");
        assertTrue(run.exit != 0, run.output);
        assertTrue(run.output.contains("MappingException: projection record com.example.app.Main$NoteText is in module com.example.app, "
                + "which does not open package com.example.app to org.athanor.orm"), run.output);
        assertTrue(run.output.contains("opens com.example.app to org.athanor.orm;"), run.output);
    }

    @Test
    void aMissingOpensIsReportedWithTheLineToAdd(@TempDir Path dir) throws Exception {
        Path out = compileApp(dir, false, false);
        Run run = java(with(modulePath, out), "com.example.app/com.example.app.Main", "sqlite://");
        assertTrue(run.exit != 0, run.output);
        assertTrue(run.output.contains("MappingException: entity com.example.model.Note is in module com.example.app, which does "
                + "not open package com.example.model to org.athanor.orm"), run.output);
        assertTrue(run.output.contains("add this line to com.example.app's module-info.java:  opens com.example.model to org.athanor.orm;"),
                run.output);
    }

    @Test
    void packagesThatAreNotExportedDoNotCompile(@TempDir Path dir) throws Exception {
        // every package of core, the ORM and the mapping rules that is not exported to every module (internals,
        // and orm-rules' package, exported to the ORM and the processor only), as an import in one application class
        List<String> closed = new ArrayList<>();
        for (String m : List.of("org.athanor.orm.rules.Naming", "org.athanor.core.engine.Engine", "org.athanor.orm.Session")) {
            ModuleDescriptor d = ModuleFinder.of(location(m)).findAll().iterator().next().descriptor();
            for (String p : new TreeSet<>(d.packages()))
                if (d.exports().stream().noneMatch(e -> e.source().equals(p) && !e.isQualified())) closed.add(p);
        }
        assertTrue(closed.contains("org.athanor.orm.rules"), closed.toString());
        assertTrue(closed.size() > 1, "no internal package of core or the ORM: " + closed);
        Path src = dir.resolve("bad");
        write(src.resolve("module-info.java"), "module com.example.bad { requires org.athanor.orm; }");
        StringBuilder bad = new StringBuilder("package com.example.bad;\n");
        for (String p : closed) bad.append("import ").append(p).append(".*;\n");
        write(src.resolve("com/example/bad/Bad.java"), bad.append("public class Bad {}\n").toString());
        Compile c = javac(src, dir.resolve("out"), List.of("-proc:none", "-Xmaxerrs", "1000"));
        assertTrue(c.exit != 0, "imports of " + closed + " compiled from another module");
        for (String p : closed) assertTrue(c.output.contains("package " + p + " is not visible"), p + ":\n" + c.output);
        // and the exported ones do compile
        write(src.resolve("com/example/bad/Bad.java"), "package com.example.bad;\nimport org.athanor.orm.*;\nimport org.athanor.core.sql.*;\npublic class Bad {}\n");
        Compile ok = javac(src, dir.resolve("out-ok"), List.of("-proc:none"));
        assertEquals(0, ok.exit, ok.output);
    }

    // ---- the application module ----------------------------------------------------------------

    private Path compileApp(Path dir, boolean opens, boolean processor) throws Exception {
        return compileApp(dir, opens, processor, "mp_note", "mp_kv");
    }

    /** The application module: table names are given because the server databases are shared. */
    private Path compileApp(Path dir, boolean opens, boolean processor, String noteTable, String kvTable) throws Exception {
        Path src = dir.resolve("src");
        write(src.resolve("module-info.java"), "module com.example.app {\n    requires org.athanor.orm;\n"
                + (opens ? "    opens com.example.model to org.athanor.orm;\n" : "") + "}\n");
        write(src.resolve("com/example/model/Note.java"), """
                package com.example.model;

                import jakarta.persistence.*;

                @Entity
                @Table(name = "NOTE_TABLE")
                public class Note {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                    private String text;
                    protected Note() {}
                    public Note(String text) { this.text = text; }
                    public Long getId() { return id; }
                }
                """);
        write(src.resolve("com/example/app/Main.java"), """
                package com.example.app;

                import static org.athanor.core.schema.Table.col;
                import static org.athanor.core.sql.Sql.*;
                import static org.athanor.core.type.SqlTypes.*;

                import com.example.model.Note;
                import java.util.List;
                import org.athanor.core.engine.Connection;
                import org.athanor.core.engine.Engine;
                import org.athanor.core.schema.MetaData;
                import org.athanor.core.schema.Table;
                import org.athanor.orm.Registry;
                import org.athanor.orm.Session;
                import org.athanor.orm.SessionFactory;

                public final class Main {
                    public static void main(String[] args) {
                        // the dialect is not required by this module: it is a service found by the URL's scheme
                        try (Engine engine = Engine.create(args[0])) {
                            Registry registry = Registry.of(Note.class);
                            Table kv = Table.of("KV_TABLE", col("k", INTEGER), col("v", varchar(10)));
                            registry.metadata().createAll(engine);
                            try {
                                run(engine, registry, kv, args.length > 1 && args[1].equals("project"));
                            } finally {
                                registry.metadata().dropAll(engine);
                                MetaData.of(kv).dropAll(engine);
                            }
                        }
                    }

                    /** A query projection in this package, which is not opened to the ORM. */
                    record NoteText(String text) {}

                    private static void run(Engine engine, Registry registry, Table kv, boolean project) {
                        SessionFactory sessions = SessionFactory.of(engine, registry);
                        long count;
                        Long id;
                        try (Session session = sessions.openSession()) {
                            session.addAll(List.of(new Note("a"), new Note("b")));
                            session.commit();
                            count = session.query(Note.class).count();
                            id = session.query(Note.class).filterBy("text", "b").one().getId();
                            if (project) System.out.println(session.query(Note.class).project(NoteText.class));
                        }
                        MetaData.of(kv).createAll(engine);
                        Object fromCore;
                        try (Connection c = engine.connect()) {
                            c.execute(insert(kv).columns(kv.column("k", Integer.class), kv.column("v", String.class)).values(1, "x").values(2, "y"));
                            fromCore = c.execute(select(count()).from(kv)).scalar();
                            c.commit();
                        }
                        // toString renders with the generic dialect, which core registers as a NodeRenderer service
                        System.out.println("rendered: " + select(count()).from(kv));
                        System.out.println("notes: " + count + ", b has id " + id + ", core says " + fromCore);
                    }
                }
                """.replace("NOTE_TABLE", noteTable).replace("KV_TABLE", kvTable));
        Path out = dir.resolve("out");
        List<String> options = processor
                ? List.of("--processor-module-path", processorPath + java.io.File.pathSeparator + location("org.athanor.orm.rules.Naming"))
                : List.of("-proc:none");
        Compile c = javac(src, out, options);
        assertEquals(0, c.exit, c.output);
        return out;
    }

    // ---- tools -----------------------------------------------------------------------------------

    private record Compile(int exit, String output) {}

    private record Run(int exit, String output) {}

    private static Compile javac(Path src, Path out, List<String> options) throws IOException {
        List<String> args = new ArrayList<>(List.of("--module-path", join(modulePath), "-d", out.toString(), "-Xlint:none"));
        args.addAll(options);
        try (var files = Files.walk(src)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int exit = ToolProvider.getSystemJavaCompiler().run(null, text, text, args.toArray(String[]::new));
        return new Compile(exit, text.toString(StandardCharsets.UTF_8));
    }

    private static Run java(List<Path> path, String module, String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Dorg.slf4j.simpleLogger.log.com.zaxxer.hikari=warn",
                "--module-path", join(path), "-m", module));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the java process did not end");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static Path module(String name, String className) throws Exception {
        Path p = location(className);
        assertEquals(name, moduleName(p), "the module at " + p);
        return p;
    }

    private static Path location(String className) throws Exception {
        return Path.of(Class.forName(className, false, ModulePathTest.class.getClassLoader())
                .getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** The name of the one module at {@code p} (a jar or a directory of classes with module-info.class). */
    private static String moduleName(Path p) {
        List<String> names = ModuleFinder.of(p).findAll().stream().map(ModuleReference::descriptor)
                .map(d -> d.name()).collect(Collectors.toList());
        assertEquals(1, names.size(), "modules at " + p + ": " + names);
        return names.get(0);
    }

    private static List<Path> with(List<Path> path, Path extra) {
        List<Path> all = new ArrayList<>(path);
        all.add(extra);
        return all;
    }

    private static String join(List<Path> path) {
        return path.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
