package org.athanor.orm.internal.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.athanor.orm.mapping.Secondary;
import org.athanor.orm.mapping.ToMany;

/**
 * A mapper's many-to-many links, made by the registry's configure phase: per collection, its secondary
 * table seen from this side (for an element collection, its collection table) and the other side's collection (for back-population); and every secondary
 * table holding this entity's key, so a deleted object's rows in them are deleted first.
 */
final class ManyToManyLinks {
    private Secondary[] secondary = new Secondary[0];
    private int[] mirror = new int[0];
    private final List<Secondary> associations = new ArrayList<>();

    void allocate(int collections) {
        secondary = new Secondary[collections];
        mirror = new int[collections];
        Arrays.fill(mirror, -1);
    }

    Secondary secondary(int m) { return secondary[m]; }

    int mirror(int m) { return mirror[m]; }

    List<Secondary> associations() { return associations; }

    private void associate(Secondary s) { if (!associations.contains(s)) associations.add(s); }

    /**
     * Links element collection {@code m} of {@code owner} to its collection table, which holds the owner's key
     * (its rows are deleted before a deleted owner, as a many-to-many's are).
     */
    static void linkValues(Mapper owner, int m) {
        Secondary s = owner.toManys[m].secondary();
        owner.manyToMany.secondary[m] = s;
        owner.manyToMany.associate(s);
    }

    /**
     * Links many-to-many collection {@code m} of {@code owner} to its element mapper {@code t}: an owning side
     * takes its own secondary table; an inverse side ({@code mappedBy}, an owning {@code @ManyToMany} of {@code t}
     * whose elements are {@code owner}'s class, as LinkChecks checked) sees its table flipped.
     */
    static void link(Mapper owner, int m, Mapper t, String where) {
        ToMany c = owner.toManys[m];
        ManyToManyLinks links = owner.manyToMany;
        if (c.mappedBy().isEmpty()) {
            Secondary s = c.secondary();
            links.secondary[m] = s;
            links.associate(s);
            // a @OneToMany @JoinColumn's pair is the element's own row: deleting the element deletes it
            if (!s.inElementTable()) t.manyToMany.associate(s.flipped());
            return;
        }
        int j = -1;
        for (int i = 0; i < t.toManys.length; i++) if (t.toManys[i].name().equals(c.mappedBy())) j = i;
        ToMany other = j < 0 ? null : t.toManys[j];
        // ClassMapping checked the link (LinkChecks, shared with the processor): an owning @ManyToMany of t whose elements
        // are this class (a join-table @OneToMany is unidirectional: its element column is UNIQUE), mirrored once
        if (other == null || !other.isManyToMany() || other.joinTableOneToMany() || !other.mappedBy().isEmpty()
                || !other.target().isAssignableFrom(owner.type) || t.manyToMany.mirror[j] >= 0 && t.manyToMany.mirror[j] != m)
            throw new IllegalStateException("internal: " + where + " does not mirror one owning @ManyToMany; LinkChecks checks mappedBy");
        links.secondary[m] = other.secondary().flipped();
        links.mirror[m] = j;
        t.manyToMany.mirror[j] = m;
    }
}
