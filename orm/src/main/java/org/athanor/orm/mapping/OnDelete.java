package org.athanor.orm.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.athanor.core.schema.ReferentialAction;

/**
 * The {@code ON DELETE} action of the FOREIGN KEY behind a {@code @ManyToOne} or owning {@code @OneToOne}:
 * {@code createAll} creates the constraint with it, and the database applies it when the referenced row is
 * deleted.
 *
 * <pre>{@code
 * @ManyToOne(optional = false) @JoinColumn(name = "order_id")
 * @OnDelete(ReferentialAction.CASCADE)   // deleting an order row deletes its lines in the database
 * private Order order;
 * }</pre>
 *
 * Why an Athanor annotation: Jakarta's only form is {@code @ForeignKey(foreignKeyDefinition = "...")}, a
 * piece of DDL text in one database's spelling, and the ORM never writes SQL text; that member is refused
 * with an error pointing here.
 *
 * <p>Allowed: {@code CASCADE}, {@code SET_NULL} (only on an optional reference: its column must be
 * nullable), {@code RESTRICT}, {@code NO_ACTION} (the default without the annotation). {@code SET_DEFAULT}
 * is refused (the key column has no default, and MariaDB's InnoDB does not implement it).
 *
 * <p>The action happens in the database, not in the session: objects already loaded that the database
 * deleted or changed this way are not told (as SQLAlchemy's {@code passive_deletes}); expire or re-query
 * them. A mapped {@code @OneToMany(mappedBy)} on the other side still works as documented: the session
 * deletes (cascade REMOVE) or unlinks the loaded elements itself before it deletes the owner.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OnDelete {
    ReferentialAction value();
}
