package org.athanor.core;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN §1, enforced: dependencies point one way. Core never references the ORM or a dialect; a
 * dialect never references the ORM or another dialect; the ORM never references a dialect and
 * never builds SQL text. A plain scan of the source tree (modules not written yet are skipped).
 */
class DependencyDirectionTest {
    /** Where a statement is being spelled out by hand: a string literal opening with a DML keyword. */
    private static final Pattern SQL_LITERAL = Pattern.compile("\"\\s*(SELECT\\s|INSERT\\s+INTO\\s|DELETE\\s+FROM\\s|UPDATE\\s+\\S+\\s+SET\\s)");

    /** The checks, over a project root laid out like this repository. Returns one line per violation. */
    static List<String> violations(Path root) {
        TreeSet<String> dialects = new TreeSet<>(List.of("sqlite", "postgres", "mysql"));
        List<Path> dialectModules = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            modules.filter(p -> p.getFileName().toString().startsWith("dialect-")).sorted().forEach(m -> {
                dialectModules.add(m);
                Path pkgRoot = m.resolve("src/main/java/org/athanor");
                if (Files.isDirectory(pkgRoot))
                    try (Stream<Path> pkgs = Files.list(pkgRoot)) {
                        pkgs.filter(Files::isDirectory).forEach(p -> dialects.add(p.getFileName().toString()));
                    } catch (IOException e) { throw new UncheckedIOException(e); }
            });
        } catch (IOException e) { throw new UncheckedIOException(e); }
        String anyDialect = "org\\.athanor\\.(" + String.join("|", dialects) + ")\\b";
        List<String> out = new ArrayList<>();
        scan(root.resolve("core/src/main/java"), Pattern.compile("org\\.athanor\\.orm\\b|" + anyDialect), "core references the ORM or a dialect", out);
        for (Path m : dialectModules) {
            Path src = m.resolve("src/main/java/org/athanor");
            if (!Files.isDirectory(src)) continue;
            try (Stream<Path> pkgs = Files.list(src)) {
                for (Path pkg : pkgs.filter(Files::isDirectory).toList()) {
                    TreeSet<String> others = new TreeSet<>(dialects);
                    others.remove(pkg.getFileName().toString());
                    String otherDialect = others.isEmpty() ? "(?!)" : "org\\.athanor\\.(" + String.join("|", others) + ")\\b";
                    scan(pkg, Pattern.compile("org\\.athanor\\.orm\\b|" + otherDialect), m.getFileName() + " references the ORM or another dialect", out);
                }
            } catch (IOException e) { throw new UncheckedIOException(e); }
        }
        Path orm = root.resolve("orm/src/main/java");
        scan(orm, Pattern.compile(anyDialect), "the ORM references a dialect", out);
        scan(orm, SQL_LITERAL, "the ORM builds SQL text (it must emit Core statements)", out);
        return out;
    }

    private static void scan(Path dir, Pattern forbidden, String rule, List<String> out) {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) continue; // prose may name anything
                    Matcher m = forbidden.matcher(line);
                    if (m.find()) out.add(rule + ": " + f + ":" + (i + 1) + ": " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository root: the parent of this module (surefire runs in core/). */
    private static Path projectRoot() {
        Path here = Path.of("").toAbsolutePath();
        Path root = Files.isDirectory(here.resolve("core/src/main/java")) ? here : here.getParent();
        assertTrue(Files.isDirectory(root.resolve("core/src/main/java")), "cannot find the project root from " + here);
        return root;
    }

    @Test
    void theRepositoryKeepsTheOneWayRule() {
        List<String> v = violations(projectRoot());
        assertTrue(v.isEmpty(), "dependency rule broken:\n" + String.join("\n", v));
    }

    @Test
    void theScanCatchesEachKindOfViolation(@TempDir Path root) throws IOException {
        write(root, "core/src/main/java/org/athanor/core/Ok.java", "package org.athanor.core;\n/** mentions org.athanor.orm in prose only */\nclass Ok {}\n");
        write(root, "dialect-sqlite/src/main/java/org/athanor/sqlite/D.java", "package org.athanor.sqlite;\nclass D {}\n");
        write(root, "orm/src/main/java/org/athanor/orm/Fine.java", "package org.athanor.orm;\nclass Fine { String m = \"cannot UPDATE a detached object\"; }\n");
        assertEquals(List.of(), violations(root));

        write(root, "core/src/main/java/org/athanor/core/Bad.java", "package org.athanor.core;\nimport org.athanor.orm.Session;\nclass Bad {}\n");
        write(root, "core/src/main/java/org/athanor/core/Bad2.java", "package org.athanor.core;\nclass Bad2 { Object d = new org.athanor.sqlite.SqliteDialect(null); }\n");
        write(root, "dialect-sqlite/src/main/java/org/athanor/sqlite/E.java", "package org.athanor.sqlite;\nimport org.athanor.orm.Session;\nclass E {}\n");
        write(root, "dialect-postgres/src/main/java/org/athanor/postgres/P.java", "package org.athanor.postgres;\nimport org.athanor.sqlite.SqliteDialect;\nclass P {}\n");
        write(root, "orm/src/main/java/org/athanor/orm/Flush.java", "package org.athanor.orm;\nimport org.athanor.postgres.X;\n"
                + "class Flush {\n  String a = \"SELECT * FROM t\";\n  String b = \"INSERT INTO t VALUES (?)\";\n"
                + "  String c = \"UPDATE t SET x = ?\";\n  String d = \"DELETE FROM t\";\n}\n");
        List<String> v = violations(root);
        assertEquals(9, v.size(), String.join("\n", v));
        assertTrue(v.get(0).startsWith("core references the ORM or a dialect: ") && v.get(0).endsWith("Bad.java:2: import org.athanor.orm.Session;"), v.get(0));
        assertTrue(v.get(1).contains("Bad2.java:2"), v.get(1));
        assertTrue(v.stream().anyMatch(s -> s.startsWith("dialect-postgres references the ORM or another dialect") && s.contains("P.java:2")), v.toString());
        assertTrue(v.stream().anyMatch(s -> s.startsWith("dialect-sqlite references the ORM or another dialect") && s.contains("E.java:2")), v.toString());
        assertTrue(v.stream().anyMatch(s -> s.startsWith("the ORM references a dialect") && s.contains("Flush.java:2")), v.toString());
        assertEquals(4, v.stream().filter(s -> s.startsWith("the ORM builds SQL text")).count(), v.toString());
    }

    private static void write(Path root, String file, String text) throws IOException {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
