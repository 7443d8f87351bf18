package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §1: the ORM emits Core statements only. Its sources import no dialect and never hand SQL
 * text to the engine (no {@code text(...)}, {@code executeSql}, or JDBC statements).
 */
class OrmBuildsNoSqlTest {
    private static final Pattern FORBIDDEN = Pattern.compile(
            "import\\s+org\\.athanor\\.(sqlite|postgres|mysql)\\b|\\bSql\\.text\\(|\\btext\\(\"|\\.executeSql\\(|\\.jdbc\\(\\)|java\\.sql\\.Statement|prepareStatement\\(");

    @Test
    void ormSourcesUseCoreStatementsOnly() throws IOException {
        Path root = Path.of("src/main/java/org/athanor/orm");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++)
                    if (FORBIDDEN.matcher(lines.get(i)).find()) offenders.add(root.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).trim());
            }
        }
        assertEquals(List.of(), offenders);
    }
}
