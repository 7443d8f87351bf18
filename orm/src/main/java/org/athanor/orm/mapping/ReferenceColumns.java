package org.athanor.orm.mapping;

import jakarta.persistence.ConstraintMode;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.athanor.orm.rules.JoinColumnRules;

/**
 * The key columns of one reference ({@code @ManyToOne} / owning {@code @OneToOne}), one per key column of its
 * target, in the target's key order: named by {@code @JoinColumn} or {@code @JoinColumns}, else by JPA's default
 * {@code <field>_<referenced column>}. With several target key columns every {@code @JoinColumn} names its
 * {@code referencedColumnName}, and together they name each target key column once.
 *
 * <pre>{@code
 * @ManyToOne
 * @JoinColumns({@JoinColumn(name = "order_id", referencedColumnName = "order_id"),
 *               @JoinColumn(name = "line_no", referencedColumnName = "line_no")})
 * OrderLine line;
 * }</pre>
 */
record ReferenceColumns(List<String> names, List<JoinColumn> joinColumns, String foreignKeyName, boolean constraint) {

    /** The {@code @JoinColumn} of key column {@code j}, or null (JPA's defaults). */
    JoinColumn joinColumn(int j) { return joinColumns.get(j); }

    /** Whether every key column may be NULL as its {@code @JoinColumn} says (nullable is its default). */
    boolean nullable() { return joinColumns.stream().allMatch(jc -> jc == null || jc.nullable()); }

    /** Whether some {@code @JoinColumn} asks for a UNIQUE column. */
    boolean unique() { return joinColumns.stream().anyMatch(jc -> jc != null && jc.unique()); }

    /** Reads reference {@code f}'s join columns for the target's key columns {@code keys} (checked by ReferenceChecks). */
    static ReferenceColumns of(Field f, Class<?> target, List<FieldSpec> keys) {
        JoinColumn[] given = f.getAnnotationsByType(JoinColumn.class);
        JoinColumns container = f.getAnnotation(JoinColumns.class);
        List<JoinColumnRules.Given> written = new ArrayList<>();
        for (JoinColumn jc : given) written.add(new JoinColumnRules.Given(jc.name(), jc.referencedColumnName()));
        JoinColumnRules.Result r = JoinColumnRules.resolve(f.getName(), target.getSimpleName(),
                keys.stream().map(FieldSpec::columnName).toList(), written);
        if (r.problem() != null) throw new IllegalStateException(r.problem() + " (ReferenceChecks checks the join columns)");
        List<JoinColumn> byKey = new ArrayList<>();
        for (int at : r.givenAt()) byKey.add(at < 0 ? null : given[at]);
        List<String> names = r.names();
        String fkName = null;
        boolean constraint = true;
        if (container != null) {
            if (!container.foreignKey().name().isEmpty()) fkName = container.foreignKey().name();
            constraint = container.foreignKey().value() != ConstraintMode.NO_CONSTRAINT;
        }
        for (JoinColumn jc : byKey) {
            if (jc == null) continue;
            if (fkName == null && !jc.foreignKey().name().isEmpty()) fkName = jc.foreignKey().name();
            constraint &= jc.foreignKey().value() != ConstraintMode.NO_CONSTRAINT;
        }
        return new ReferenceColumns(List.copyOf(names), java.util.Collections.unmodifiableList(byKey), fkName, constraint);
    }
}
