package org.athanor.codegen;

import static org.athanor.core.sql.Sql.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Row;

/** The Chinook sample database: a private copy of the SQLite file, and its tables and rows loaded elsewhere through Core. */
final class Chinook {
    private Chinook() {}

    static final Path SOURCE = Path.of("/work/shared/data/chinook/Chinook_Sqlite.sqlite");

    /** An engine on a fresh copy of the SQLite file in {@code dir} (the shared file is never written). */
    static Engine sqliteCopy(Path dir) throws Exception {
        Path copy = dir.resolve("chinook.sqlite");
        Files.copy(SOURCE, copy, StandardCopyOption.REPLACE_EXISTING);
        copy.toFile().setWritable(true);
        return Engine.create("sqlite:///" + copy);
    }

    /** Creates Chinook's tables in {@code target} from the reflected SQLite schema (createAll) and copies every row. */
    static void load(Engine source, Engine target) {
        MetaData md = MetaData.reflect(source);
        md.createAll(target, false);
        for (Table t : md.sortedTables()) {
            List<Row> rows;
            try (Connection c = source.connect()) {
                rows = c.execute(selectFrom(t)).all();
            }
            Column<?>[] cols = t.columns().toArray(new Column<?>[0]);
            target.inTransaction(c -> {
                for (int i = 0; i < rows.size(); i += 500) {
                    List<Object[]> chunk = new ArrayList<>();
                    for (Row r : rows.subList(i, Math.min(rows.size(), i + 500))) chunk.add(r.toList().toArray());
                    c.execute(insert(t).columns(cols).valuesMany(chunk));
                }
            });
        }
    }
}
