package org.athanor.orm;

import static org.athanor.core.sql.Sql.selectFrom;

import java.util.List;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Row;
import org.athanor.orm.model.Model;

/**
 * Shared fixture over {@link Model#REGISTRY}: a private database per test class with the model's tables,
 * emptied before each test, and a log of the statements the engine ran (see {@link MappedTestBase}).
 */
public abstract class OrmTestBase extends MappedTestBase {

    @Override
    Registry registry() {
        return Model.REGISTRY;
    }

    /** The rows of a mapped table, read on a separate connection (so: committed data only). */
    List<Row> committedRows(Class<?> entity) {
        Table t = Model.REGISTRY.table(entity);
        java.util.function.Function<org.athanor.core.engine.Connection, List<Row>> read = c -> c.execute(selectFrom(t).orderBy(t.primaryKeyColumns().get(0))).all();
        return engine.fromTransaction(read);
    }

    long countStatements(String prefix) {
        return count(prefix);
    }
}
