package org.athanor.orm.internal.mapping;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.athanor.core.type.ValueCodec;

/**
 * How a row of a mapper's load statement ({@link Mapper#selectAll}) becomes one class's attribute values:
 * the class, and which of the row's columns hold its attributes. A loader asks {@link Mapper#rowLayout}
 * which layout a row has (for a hierarchy that reads the row's discriminator column alone), then
 * {@link #read}s only that class's columns straight into an array in its attribute order: the other
 * classes' columns of the row (NULL for this class) are never decoded, and no row-wide array is made
 * and re-arranged. Immutable; built by the configure phase.
 */
public final class RowLayout {
    /** The class a row of this layout builds. */
    public final Mapper mapper;
    /**
     * The attributes read from the row: the first {@link #inOrder} attributes are the row's first columns, in order,
     * read by a plain loop (a class outside a hierarchy is all of them; a hierarchy's class, its base's columns);
     * then, per further attribute read (attribute {@link #into}[k]), its column: a position among the entity's columns.
     */
    private final int inOrder;
    private final int[] at;
    private final int[] into;
    /** The class's attribute count: the length of the arrays {@link #read} gives. */
    private final int width;
    /** The key attributes ({@link Mapper#idIdx}), and the first of them (-1: none). */
    private final int[] ids;
    private final int firstId;
    /** The attribute holding the discriminator (given the value already read), or -1. */
    private final int discriminatorAttr;

    /**
     * Attributes whose column another attribute has (a {@code @MapsId} reference's key is its {@code @EmbeddedId}
     * component's column): the row holds it once, and attribute {@code copyTo[k]} takes attribute {@code copyFrom[k]}'s value.
     */
    private final int[] copyFrom;
    private final int[] copyTo;

    /**
     * {@code positions}: per attribute of {@code mapper}, its column in the row; null: the attributes' columns come
     * first, in attribute order, each column once ({@code sharedWith}: per attribute, the earlier attribute whose
     * column it has, or -1; null when none shares one).
     */
    RowLayout(Mapper mapper, int[] positions, int[] sharedWith) {
        this.mapper = mapper;
        int n = mapper.attrs.length;
        this.discriminatorAttr = mapper.discriminatorIdx;
        int[] at = new int[n], into = new int[n], copyFrom = new int[n], copyTo = new int[n];
        int k = 0, copies = 0, column = 0;
        for (int i = 0; i < n; i++) {
            if (sharedWith != null && sharedWith[i] >= 0) {
                copyFrom[copies] = sharedWith[i];
                copyTo[copies++] = i;
                continue;
            }
            int col = positions == null ? column++ : positions[i];
            if (i == discriminatorAttr) continue;
            at[k] = col;
            into[k++] = i;
        }
        int prefix = 0;
        while (prefix < k && at[prefix] == prefix && into[prefix] == prefix) prefix++;
        this.inOrder = prefix;
        this.at = java.util.Arrays.copyOfRange(at, prefix, k);
        this.into = java.util.Arrays.copyOfRange(into, prefix, k);
        this.width = n;
        this.ids = mapper.idIdx.clone();
        this.firstId = ids.length > 0 ? ids[0] : -1; // every entity has a key; a mapper without one never loads rows
        this.copyFrom = java.util.Arrays.copyOf(copyFrom, copies);
        this.copyTo = java.util.Arrays.copyOf(copyTo, copies);
    }

    /**
     * The class's attribute values from the current row, whose entity columns start after column
     * {@code from} (0-based; the codecs are the statement's result codecs, by column). {@code discriminator}:
     * the row's discriminator value when the loader read it to pick this layout (it is not read again).
     */
    public Object[] read(ResultSet rs, ValueCodec<Object>[] c, int from, Object discriminator) throws SQLException {
        Object[] v = new Object[width];
        for (int k = 0, n = inOrder; k < n; k++) v[k] = c[from + k].read(rs, from + k + 1);
        int[] at = this.at, into = this.into;
        for (int k = 0; k < at.length; k++) {
            int col = from + at[k];
            v[into[k]] = c[col].read(rs, col + 1);
        }
        if (discriminatorAttr >= 0) v[discriminatorAttr] = discriminator;
        for (int k = 0; k < copyTo.length; k++) v[copyTo[k]] = v[copyFrom[k]];
        return v;
    }

    /**
     * Whether a key attribute of {@code v}, a row this layout {@linkplain #read read}, is NULL: the first one, then
     * the others of a composite key (a row never holds {@link Mapper#UNASSIGNED_KEY}, which {@link Mapper#hasNullId}
     * also looks for).
     */
    public boolean nullId(Object[] v) {
        if (firstId >= 0 && v[firstId] == null) return true;
        int[] ids = this.ids;
        for (int k = 1; k < ids.length; k++) if (v[ids[k]] == null) return true;
        return false;
    }

    /**
     * The layouts of a hierarchy's load statement by discriminator value. Rows give a new value object each
     * (a decoded string), so the values are compared in turn with {@code equals}, which costs less than hashing
     * the new value; one path for every hierarchy (equals on different values mostly stops at the length or the
     * first character, so even a large hierarchy's scan stays short).
     */
    static final class Lookup {
        private final Object[] values;
        private final RowLayout[] layouts;

        Lookup(Map<Object, Polymorphic.Layout> layouts) {
            int n = layouts.size(), k = 0;
            this.values = new Object[n];
            this.layouts = new RowLayout[n];
            for (Map.Entry<Object, Polymorphic.Layout> e : layouts.entrySet()) {
                values[k] = e.getKey();
                this.layouts[k] = new RowLayout(e.getValue().mapper(), e.getValue().positions(), null);
                k++;
            }
        }

        /** The layout for discriminator value {@code d}, or null when no class has it. */
        RowLayout find(Object d) {
            if (d == null) return null;
            Object[] vs = values;
            for (int i = 0; i < vs.length; i++) if (d.equals(vs[i])) return layouts[i];
            return null;
        }
    }
}
