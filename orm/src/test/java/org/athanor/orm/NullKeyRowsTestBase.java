package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.athanor.core.engine.Connection;
import org.athanor.core.schema.Column;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.model.load.Peeker;
import org.junit.jupiter.api.Test;

/**
 * A loaded row whose primary key is NULL (a view over a table without a key, here) is refused with an error naming
 * the entity and its table, rather than becoming an object the identity map cannot hold. The check runs on the values
 * the row's layout read ({@code RowLayout.nullId}).
 */
public abstract class NullKeyRowsTestBase extends MappedTestBase {
    static final Column<String> NAME = ClassMapping.column(Peeker.class, "name", String.class);

    @Override
    Registry registry() {
        return Registry.of(Peeker.class);
    }

    @Override
    void deleteRows(Connection c) {
        // the mapped table becomes a view in the test: nothing to empty (the database is the class's own)
    }

    @Test
    void aRowWithANullKeyIsRefusedNamingTheEntity() {
        try (Connection c = engine.connect()) {
            c.executeSql("DROP TABLE load_peeker");
            c.executeSql("CREATE TABLE load_peeker_rows (id BIGINT, name VARCHAR(40))");
            c.executeSql("INSERT INTO load_peeker_rows (id, name) VALUES (1, 'keyed')");
            c.executeSql("INSERT INTO load_peeker_rows (id, name) VALUES (NULL, 'keyless')");
            c.executeSql("CREATE VIEW load_peeker AS SELECT id, name FROM load_peeker_rows");
            c.commit();
        }
        try (Session s = sessions.openSession()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.query(Peeker.class).orderBy(NAME).all());
            assertTrue(e.getMessage().contains("Peeker") && e.getMessage().contains("load_peeker")
                    && e.getMessage().contains("NULL primary key"), e.getMessage());
        }
        try (Session s = sessions.openSession()) {
            // the keyed row alone loads as usual
            assertEquals("keyed", s.query(Peeker.class).filterBy("id", 1L).one().getName());
        }
    }
}
