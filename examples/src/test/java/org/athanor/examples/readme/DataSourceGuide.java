package org.athanor.examples.readme;

import static org.athanor.core.sql.Sql.*;

import javax.sql.DataSource;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.sqlite.SqliteDialect;
import org.sqlite.SQLiteDataSource;

public class DataSourceGuide {
    public static void main(String[] args) {
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl(args.length > 0 ? args[0] : "jdbc:sqlite:app.db");
        DataSource dataSource = sqlite;                 // yours: a container's pool, Spring's, a HikariDataSource ...

        try (Engine engine = Engine.of(dataSource, SqliteDialect.INSTANCE)) {   // no pool of Athanor's own
            try (Connection conn = engine.connect()) {
                Integer answer = conn.scalar(select(literal(42)));
                System.out.println(answer);                                      // 42
            }
        }
    }
}
