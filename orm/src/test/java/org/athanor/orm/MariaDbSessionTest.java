package org.athanor.orm;

import static org.athanor.core.sql.Sql.func;
import static org.athanor.core.sql.Sql.select;

import org.athanor.core.type.SqlTypes;

class MariaDbSessionTest extends SessionTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }

    @Override void killConnectionOf(Session s) {
        Long id = s.execute(select(func("connection_id", SqlTypes.BIGINT))).one()._1;
        TestDb.tx(engine, c -> c.executeSql("KILL " + id));
    }
}
