package org.athanor.orm.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.athanor.core.schema.Table;
import org.athanor.orm.model.unidircol.JcDoc;
import org.athanor.orm.model.unidircol.JcFolder;
import org.athanor.orm.model.unidircol.JcNode;
import org.athanor.orm.model.unidircol.JcOtherFolder;
import org.junit.jupiter.api.Test;

/** The key column a {@code @OneToMany @JoinColumn} adds to the element's one shared table: once, whoever maps the owner again. */
class JoinColumnOneToManyMappingTest {
    @Test
    void mappingTheOwnerAgainFindsTheColumnItAdded() {
        Table docs = ClassMapping.of(JcDoc.class).table();
        Secondary first = ClassMapping.of(JcFolder.class).toMany("docs").secondary();
        int columns = docs.columns().size(), keys = docs.foreignKeys().size();
        Secondary again = MappingBuilder.build(JcFolder.class).toMany("docs").secondary(); // as a second thread's ClassValue would
        assertSame(first.local(), again.local());
        assertEquals(columns, docs.columns().size(), "no second column");
        assertEquals(keys, docs.foreignKeys().size(), "no second foreign key");
    }

    @Test
    void aTreeKeepsItsKeyColumnInItsOwnTable() {
        Secondary children = ClassMapping.of(JcNode.class).toMany("children").secondary();
        assertSame(ClassMapping.of(JcNode.class).table(), children.table());
        assertEquals("parent_id", children.local().name());
        assertTrue(children.local().isNullable());
        assertEquals(2, ClassMapping.of(JcNode.class).attributes().size(), "id and name: no attribute for the column");
    }

    @Test
    void anotherOwnersCollectionCannotTakeTheSameColumn() {
        ClassMapping.of(JcFolder.class); // adds ujc_doc.folder_id
        MappingException e = assertThrows(MappingException.class, () -> ClassMapping.of(JcOtherFolder.class));
        assertEquals("org.athanor.orm.model.unidircol.JcOtherFolder.docs: @JoinColumn(name = \"folder_id\") is already the "
                + "key column of another owner's collection in ujc_doc (referencing ujc_folder); give this collection's key "
                + "column another name", e.getMessage());
    }
}
