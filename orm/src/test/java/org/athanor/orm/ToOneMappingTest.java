package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.mapping.MappingException;
import org.athanor.orm.mapping.ToOne;
import org.athanor.orm.model.rel.Article;
import org.athanor.orm.model.rel.Writer;
import org.junit.jupiter.api.Test;

/** The @ManyToOne mapping without a database: names, nullability, and the registry's check of targets. */
class ToOneMappingTest {
    @Test
    void referencesAreReadWithDefaultAndNamedColumns() {
        ClassMapping<Article> m = ClassMapping.of(Article.class);
        assertEquals(List.of("writer", "editor"), m.toOnes().stream().map(ToOne::name).toList());
        ToOne editor = m.toOne("editor");
        assertEquals("editor_id", editor.column().name()); // JPA's default: field name + "_" + the target's key column
        assertEquals(Writer.class, editor.target());
        assertEquals(true, editor.optional());
        assertEquals(false, m.toOne("writer").optional());
        // the entity's own attributes (the generated accessor's) do not include references
        assertEquals(List.of("id", "title"), m.attributes().stream().map(a -> a.name()).toList());
        MappingException e = assertThrows(MappingException.class, () -> m.toOne("nope"));
        assertEquals("Article has no @ManyToOne attribute 'nope'; its references are [writer, editor]", e.getMessage());
    }

    /** {@code @ForeignKey(ConstraintMode.NO_CONSTRAINT)} leaves the constraint out; the key column stays. */
    @Test
    void noConstraintLeavesTheForeignKeyOut() {
        org.athanor.core.schema.Table story = ClassMapping.of(org.athanor.orm.model.lazy.Story.class).table();
        List<String> constrained = story.foreignKeys().stream().map(fk -> fk.columns().get(0).name()).toList();
        assertEquals(List.of("author_id"), constrained, "featured_id has no FOREIGN KEY");
        assertEquals(true, story.columns().stream().anyMatch(c -> c.name().equals("featured_id")));
    }

    @Test
    void aRegistryWithoutTheReferencedEntityIsAMappingError() {
        MappingException e = assertThrows(MappingException.class, () -> Registry.of(Article.class));
        assertEquals("org.athanor.orm.model.rel.Article.writer references org.athanor.orm.model.rel.Writer, which is not "
                + "in this Registry; pass it to Registry.of(...) too", e.getMessage());
    }
}
