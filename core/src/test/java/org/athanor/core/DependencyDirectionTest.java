package org.athanor.core;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN §1, enforced: the ORM never builds SQL text (it emits Core statements). A plain scan of
 * the source tree, as string literals are not in the class files' dependencies. Which module may
 * import which is held on the compiled classes by ArchUnit (examples' LayeringTest).
 */
class DependencyDirectionTest {
    /** Where a statement is being spelled out by hand: a string literal opening with a DML keyword. */
    private static final Pattern SQL_LITERAL = Pattern.compile("\"\\s*(SELECT\\s|INSERT\\s+INTO\\s|DELETE\\s+FROM\\s|UPDATE\\s+\\S+\\s+SET\\s)");

    /** The checks, over a project root laid out like this repository. Returns one line per violation. */
    static List<String> violations(Path root) {
        List<String> out = new ArrayList<>();
        scan(root.resolve("orm/src/main/java"), SQL_LITERAL, "the ORM builds SQL text (it must emit Core statements)", out);
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
    void theOrmBuildsNoSqlText() {
        List<String> v = violations(projectRoot());
        assertTrue(v.isEmpty(), "dependency rule broken:\n" + String.join("\n", v));
    }

    @Test
    void theScanCatchesSqlText(@TempDir Path root) throws IOException {
        write(root, "orm/src/main/java/org/athanor/orm/Fine.java", "package org.athanor.orm;\nclass Fine { String m = \"cannot UPDATE a detached object\"; }\n");
        assertEquals(List.of(), violations(root));
        write(root, "orm/src/main/java/org/athanor/orm/Flush.java", "package org.athanor.orm;\n"
                + "class Flush {\n  String a = \"SELECT * FROM t\";\n  String b = \"INSERT INTO t VALUES (?)\";\n"
                + "  String c = \"UPDATE t SET x = ?\";\n  String d = \"DELETE FROM t\";\n  // \"SELECT in a comment\"\n}\n");
        List<String> v = violations(root);
        assertEquals(4, v.size(), String.join("\n", v));
        assertTrue(v.stream().allMatch(s -> s.startsWith("the ORM builds SQL text") && s.contains("Flush.java")), v.toString());
    }

    private static void write(Path root, String file, String text) throws IOException {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
