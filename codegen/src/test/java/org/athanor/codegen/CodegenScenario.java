package org.athanor.codegen;

import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.ForeignKey;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated sources for Chinook compile (javax.tools), and queries through the generated typed
 * tables return exactly the rows the same queries return through the reflected tables.
 */
abstract class CodegenScenario {
    @TempDir Path tmp;

    /** An engine on a database holding Chinook; the scenario closes nothing it did not open. */
    abstract Engine chinook() throws Exception;

    static List<Path> compile(Path sources, Path classes) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK is needed to compile the generated sources");
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                "--release", "17", "-Xlint:all", "-Werror"));
        List<Path> files;
        try (var walk = Files.walk(sources)) { files = walk.filter(p -> p.toString().endsWith(".java")).toList(); }
        for (Path p : files) args.add(p.toString());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = javac.run(null, null, new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
        assertEquals(0, status, () -> "generated sources do not compile:\n" + err.toString(StandardCharsets.UTF_8));
        return files;
    }

    static Table instance(ClassLoader loader, String className, String constant) throws Exception {
        return (Table) loader.loadClass("com.example.chinook." + className).getField(constant).get(null);
    }

    @SuppressWarnings("unchecked")
    static <T> Column<T> field(Table t, String name) throws Exception { return (Column<T>) t.getClass().getField(name).get(t); }

    @Test
    void generatedTablesCompileAndQueryLikeTheReflectedOnes() throws Exception {
        Engine engine = chinook();
        MetaData reflected = MetaData.reflect(engine);
        var options = new TableGenerator.Options("com.example.chinook", "ChinookTables");
        Map<String, String> sources = TableGenerator.generate(reflected, options);
        Path src = tmp.resolve("src"), classes = tmp.resolve("classes");
        Files.createDirectories(classes);
        TableGenerator.write(sources, options, src);
        compile(src, classes);

        String album = sources.get(className(reflected, "Album") + ".java");
        assertTrue(album.contains("public final class"), album);
        assertTrue(album.contains("references(() -> "), album);
        assertTrue(album.contains("@Override public"), album);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
             Connection c = engine.connect()) {
            MetaData generated = (MetaData) loader.loadClass("com.example.chinook.ChinookTables").getMethod("metadata").invoke(null);
            assertEquals(reflected.tables().size(), generated.tables().size());
            for (Table r : reflected.tables()) {
                Table g = generated.table(r.name());
                assertTrue(g.getClass() != Table.class, "typed subclass for " + r.name());
                assertEquals(names(r.columns()), names(g.columns()), r.name());
                assertEquals(names(r.primaryKeyColumns()), names(g.primaryKeyColumns()), r.name());
                assertEquals(keys(r), keys(g), r.name());
                assertEquals(r.indexes().stream().map(ix -> ix.name() + names(ix.columns())).sorted().toList(),
                        g.indexes().stream().map(ix -> ix.name() + names(ix.columns())).sorted().toList(), r.name());
                for (int i = 0; i < r.columns().size(); i++) {
                    assertEquals(r.columns().get(i).type(), g.columns().get(i).type(), r.name() + "." + r.columns().get(i).name());
                    assertEquals(r.columns().get(i).isNullable(), g.columns().get(i).isNullable());
                }
                // every row, in key order, through each
                List<Row> viaReflected = c.execute(selectFrom(r).orderBy(order(r))).all();
                List<Row> viaGenerated = c.execute(selectFrom(g).orderBy(order(g))).all();
                assertFalse(viaReflected.isEmpty(), r.name());
                assertEquals(viaReflected, viaGenerated, r.name());
            }

            // a query written against the typed fields: revenue per artist, joins inferred from the generated keys
            Table artist = generated.table(reflected.table("Artist").name());
            Table albumT = generated.table(reflected.table("Album").name());
            Table track = generated.table(reflected.table("Track").name());
            Table line = generated.table(reflected.table("InvoiceLine").name());
            Column<String> name = field(artist, "NAME");
            Column<BigDecimal> price = field(line, "UNIT_PRICE");
            var typed = c.execute(select(name, sum(price).as("revenue")).from(artist).join(albumT).join(track).join(line)
                    .groupBy(name).orderBy(sum(price).desc(), name).limit(5)).all();
            Table ra = reflected.table("Artist"), rl = reflected.table("InvoiceLine");
            Column<String> rName = ra.column("Name", String.class);
            Column<BigDecimal> rPrice = rl.column("UnitPrice", BigDecimal.class);
            var untyped = c.execute(select(rName, sum(rPrice).as("revenue")).from(ra).join(reflected.table("Album"))
                    .join(reflected.table("Track")).join(rl).groupBy(rName).orderBy(sum(rPrice).desc(), rName).limit(5)).all();
            assertEquals(untyped, typed);
            assertEquals("Iron Maiden", typed.get(0)._1);

            // the self-reference through a typed alias keeps its typed columns
            Table employee = generated.table(reflected.table("Employee").name());
            Table boss = employee.as("boss");
            assertSame(employee.getClass(), boss.getClass());
            Column<String> last = field(employee, "LAST_NAME"), bossLast = field(boss, "LAST_NAME"), bossTitle = field(boss, "TITLE");
            Column<Integer> reportsTo = field(employee, "REPORTS_TO"), bossId = field(boss, "EMPLOYEE_ID");
            var reports = c.execute(select(last).from(employee).join(boss, reportsTo.eq(bossId))
                    .where(bossTitle.eq("General Manager")).orderBy(last)).all();
            assertEquals(List.of("Edwards", "Mitchell"), reports.stream().map(t -> t._1).toList());
            assertNotNull(bossLast);
        }
    }

    /** Foreign keys as "cols -> table(cols)", sorted: the generated ones are declared in column order. */
    static List<String> keys(Table t) {
        return t.foreignKeys().stream().map(fk -> names(fk.columns()) + " -> " + fk.referencedTable().name() + names(fk.referencedColumns())
                + " " + fk.onDelete() + " " + fk.onUpdate()).sorted().toList();
    }

    static String className(MetaData md, String table) { return JavaNames.className(md.table(table).name()); }

    static List<String> names(List<Column<?>> cols) { return cols.stream().map(Column::name).toList(); }

    static Expression<?>[] order(Table t) {
        List<Column<?>> key = t.primaryKeyColumns().isEmpty() ? t.columns() : t.primaryKeyColumns();
        return key.toArray(new Expression<?>[0]);
    }
}
