package org.athanor.codegen;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.MetaData;

/**
 * The command line:
 * <pre>
 * java -cp athanor-codegen.jar:athanor-core.jar:athanor-sqlite.jar:... org.athanor.codegen.Main \
 *     --url sqlite:///chinook.db --package com.example.db --out src/main/java \
 *     [--schema-class Tables] [--schema public] [--tables Album,Artist]
 * </pre>
 * The URL is an Engine URL (SQLAlchemy form or JDBC); the dialect module for it must be on the class path.
 */
public final class Main {
    private Main() {}

    static final String USAGE = "usage: Main --url <database url> --package <java package> --out <source root>"
            + " [--schema-class <class name, default Tables>] [--schema <database schema>] [--tables <name,name,...>]";

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) System.exit(status);
    }

    /** Runs the generator; returns the exit status (0 ok, 2 bad arguments, 1 failure). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || i + 1 >= args.length) {
                err.println((a.startsWith("--") ? "missing value for " + a : "unexpected argument '" + a + "'") + "\n" + USAGE);
                return 2;
            }
            opts.put(a.substring(2), args[++i]);
        }
        for (String k : opts.keySet())
            if (!List.of("url", "package", "out", "schema-class", "schema", "tables").contains(k)) {
                err.println("unknown option --" + k + "\n" + USAGE);
                return 2;
            }
        for (String required : List.of("url", "package", "out"))
            if (!opts.containsKey(required)) {
                err.println("missing --" + required + "\n" + USAGE);
                return 2;
            }
        TableGenerator.Options options;
        try {
            options = new TableGenerator.Options(opts.get("package"), opts.getOrDefault("schema-class", "Tables"));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + USAGE);
            return 2;
        }
        try (Engine engine = Engine.create(opts.get("url"))) {
            String schema = opts.get("schema");
            MetaData md;
            if (opts.containsKey("tables")) {
                List<String> names = new ArrayList<>();
                for (String n : opts.get("tables").split(",")) if (!n.isBlank()) names.add(n.trim());
                md = MetaData.reflect(engine, schema, names);
            } else {
                md = schema == null ? MetaData.reflect(engine) : MetaData.reflect(engine, schema);
            }
            var files = TableGenerator.write(TableGenerator.generate(md, options), options, Path.of(opts.get("out")));
            for (Path p : files) out.println("wrote " + p);
            return 0;
        } catch (RuntimeException e) {
            err.println("codegen failed: " + e.getMessage());
            return 1;
        }
    }
}
