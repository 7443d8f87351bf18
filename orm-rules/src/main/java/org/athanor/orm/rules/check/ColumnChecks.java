package org.athanor.orm.rules.check;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.athanor.orm.rules.Messages;

/**
 * The entity's attributes once each is known: no two on one column, no two with one name. Written once
 * for the runtime and the annotation processor (each lists its attributes as {@link Mapped}).
 *
 * <p>Not API: public only so that the runtime and the processor, in other artifacts, share it.
 */
public final class ColumnChecks {
    private ColumnChecks() {}

    /**
     * One attribute: {@code where} as messages name it ("com.x.User.name"), its attribute {@code name},
     * its {@code column}, and {@code embeddedField} the embeddable's field name when it is part of an
     * {@code @Embedded} value (else null).
     */
    public record Mapped(String where, String name, String column, String embeddedField) {}

    /** The first clash: the index of the attribute that clashes with an earlier one, and the whole message. */
    public record Clash(int index, String message) {}

    public static Clash uniqueNames(List<Mapped> attributes) {
        Map<String, Mapped> byColumn = new HashMap<>();
        Map<String, Mapped> byName = new HashMap<>();
        for (int i = 0; i < attributes.size(); i++) {
            Mapped a = attributes.get(i);
            Mapped other = byColumn.put(a.column().toLowerCase(Locale.ROOT), a);
            if (other != null && (a.embeddedField() != null || other.embeddedField() != null))
                return new Clash(i, Messages.sameColumnEmbedded(a.where(), other.where(), a.column(),
                        a.embeddedField() != null ? a.embeddedField() : other.embeddedField()));
            if (other != null) return new Clash(i, Messages.sameColumn(a.where(), other.where(), a.column()));
            other = byName.put(a.name(), a);
            if (other != null) return new Clash(i, Messages.sameAttributeName(a.where(), other.where(), a.name()));
        }
        return null;
    }
}
