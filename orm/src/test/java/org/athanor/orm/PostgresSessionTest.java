package org.athanor.orm;

import static org.athanor.core.sql.Sql.func;
import static org.athanor.core.sql.Sql.param;
import static org.athanor.core.sql.Sql.select;

import org.athanor.core.type.SqlTypes;

class PostgresSessionTest extends SessionTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }

    @Override void killConnectionOf(Session s) {
        Integer pid = s.execute(select(func("pg_backend_pid", SqlTypes.INTEGER))).one()._1;
        TestDb.tx(engine, c -> c.execute(select(func("pg_terminate_backend", SqlTypes.BOOLEAN, param(pid)))).all());
    }
}
