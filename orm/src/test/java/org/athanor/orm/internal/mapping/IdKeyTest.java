package org.athanor.orm.internal.mapping;

import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.mapping.IdKey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.athanor.orm.model.Enrollment;
import org.athanor.orm.model.EnrollmentKey;
import org.athanor.orm.model.Post;
import org.athanor.orm.model.User;
import org.junit.jupiter.api.Test;

/** Identity keys: made from a row in place or from id values, they must be equal and hash alike. */
class IdKeyTest {
    private static final Mapper USER = Mapper.configure(java.util.List.of(User.class)).get(User.class);
    private static final Mapper POST = Mapper.configure(java.util.List.of(Post.class)).get(Post.class);
    private static final Mapper ENROLLMENT = Mapper.configure(java.util.List.of(Enrollment.class)).get(Enrollment.class);

    private static int indexOf(Mapper info, String attribute) {
        for (int i = 0; i < info.attrs.length; i++) if (info.attrs[i].name().equals(attribute)) return i;
        throw new AssertionError(info.name + " has no attribute " + attribute);
    }

    /** A row of {@code info} with the given attributes set and every other one holding a filler. */
    private static Object[] row(Mapper info, Object... namesAndValues) {
        Object[] row = new Object[info.attrs.length];
        Arrays.fill(row, "filler");
        for (int i = 0; i < namesAndValues.length; i += 2) row[indexOf(info, (String) namesAndValues[i])] = namesAndValues[i + 1];
        return row;
    }

    private static Object[] enrollmentIds(Long studentId, String course) {
        // id values in id attribute order, whatever it is
        Object[] ids = new Object[ENROLLMENT.idIdx.length];
        for (int k = 0; k < ids.length; k++) ids[k] = ENROLLMENT.attrs[ENROLLMENT.idIdx[k]].name().equals("studentId") ? studentId : course;
        return ids;
    }

    private static void assertSameKey(IdKey a, IdKey b) {
        assertEquals(a, b);
        assertEquals(b, a);
        assertEquals(a.hashCode(), b.hashCode(), "equal keys hash alike");
    }

    @Test
    void identityIsKeyedByTheBaseMapperAndTheToken() {
        assertSame(USER, USER.base(), "no inheritance yet: a mapper is its own base");
        IdKey plain = IdKey.ofIds(USER, new Object[] {42L});
        assertSame(USER, plain.base);
        assertNull(plain.token());
        assertSame(plain, plain.withToken(null));
        IdKey shardA = plain.withToken("a");
        assertSameKey(shardA, IdKey.ofRow(USER, row(USER, "id", 42L)).withToken("a"));
        assertNotEquals(plain, shardA, "the same key on a shard is another identity");
        assertNotEquals(shardA, plain.withToken("b"));
        assertEquals("a", shardA.token());
        assertEquals(42L, shardA.value(0));
    }

    @Test
    void singleIdFromRowEqualsFromIds() {
        IdKey fromRow = IdKey.ofRow(USER, row(USER, "id", 42L));
        assertSameKey(fromRow, IdKey.ofIds(USER, new Object[] {42L}));
        assertSameKey(fromRow, USER.keyOf(row(USER, "id", 42L, "name", "other")));
        assertSameKey(fromRow, USER.keyFromId(42L));
        assertNotEquals(fromRow, IdKey.ofIds(USER, new Object[] {43L}));
        assertNotEquals(fromRow, IdKey.ofIds(POST, new Object[] {42L}), "same id, another entity");
        assertNotEquals(fromRow, IdKey.ofIds(USER, new Object[] {42}), "an Integer is not the Long id");
        assertEquals(1, fromRow.size());
        assertEquals(42L, fromRow.value(0));
    }

    @Test
    void keyOfObjectEqualsTheKeyOfItsRow() {
        User u = new User("a", "a@x", 1);
        assertNull(USER.keyOfObject(u), "generated id not set yet");
        u.setId(7L);
        assertSameKey(IdKey.ofRow(USER, row(USER, "id", 7L)), USER.keyOfObject(u));
    }

    @Test
    void compositeIdFromRowEqualsFromIds() {
        Object[] r = row(ENROLLMENT, "studentId", 5L, "course", "math", "grade", 3);
        IdKey fromRow = IdKey.ofRow(ENROLLMENT, r);
        assertSameKey(fromRow, IdKey.ofIds(ENROLLMENT, enrollmentIds(5L, "math")));
        assertSameKey(fromRow, ENROLLMENT.keyFromId(new EnrollmentKey(5L, "math")));
        assertSameKey(fromRow, ENROLLMENT.keyOfObject(new Enrollment(5L, "math", 9)));
        assertNotEquals(fromRow, IdKey.ofIds(ENROLLMENT, enrollmentIds(5L, "art")));
        assertNotEquals(fromRow, IdKey.ofIds(ENROLLMENT, enrollmentIds(6L, "math")));
        assertEquals(2, fromRow.size());
        assertEquals(Arrays.asList(enrollmentIds(5L, "math")), fromRow.asList());
    }

    @Test
    void keysWithEqualHashesAreStillToldApart() {
        // "Aa" and "BB" hash alike; so do 1L << 32 | 1 and 0L
        IdKey aa = IdKey.ofIds(ENROLLMENT, enrollmentIds(1L, "Aa")), bb = IdKey.ofIds(ENROLLMENT, enrollmentIds(1L, "BB"));
        assertEquals(aa.hashCode(), bb.hashCode());
        assertNotEquals(aa, bb);
        IdKey big = IdKey.ofIds(USER, new Object[] {1L << 32 | 1}), zero = IdKey.ofRow(USER, row(USER, "id", 0L));
        assertEquals(big.hashCode(), zero.hashCode());
        assertNotEquals(big, zero);
    }

    @Test
    void aNullIdValueGivesNoKey() {
        assertNull(USER.keyOf(row(USER, "id", null)));
        assertNull(ENROLLMENT.keyOf(row(ENROLLMENT, "studentId", null, "course", "math")));
        assertNull(ENROLLMENT.keyOf(row(ENROLLMENT, "studentId", 5L, "course", null)));
        assertNull(ENROLLMENT.keyOfObject(new Enrollment(null, "math", 1)));
    }

    @Test
    void nonIdAttributesDoNotTakePart() {
        Object[] r = row(USER, "name", "x", "id", 1L);
        IdKey k = IdKey.ofRow(USER, r);
        r[indexOf(USER, "name")] = "changed";
        assertEquals(IdKey.ofIds(USER, new Object[] {1L}), k, "non-id attributes do not take part");
    }

    @Test
    void toStringNamesTheEntityAndTheIdValues() {
        assertEquals("User(id=42)", IdKey.ofRow(USER, row(USER, "id", 42L)).toString());
        IdKey composite = IdKey.ofRow(ENROLLMENT, row(ENROLLMENT, "studentId", 5L, "course", "math"));
        assertEquals("Enrollment(id=[5, math])", composite.toString());
    }

    @Test
    void asListIsACopyInIdOrderThatCannotBeChanged() {
        Object[] r = row(ENROLLMENT, "studentId", 5L, "course", "math");
        List<Object> list = IdKey.ofRow(ENROLLMENT, r).asList();
        assertEquals(Arrays.asList(enrollmentIds(5L, "math")), list);
        assertThrows(UnsupportedOperationException.class, () -> list.add("x"));
        assertEquals(List.of(42L), IdKey.ofIds(USER, new Object[] {42L}).asList());
    }

    @Property(tries = 300)
    void rowAndIdKeysAgreeOnEqualityAndHash(@ForAll @LongRange(min = -3, max = 3) long s1, @ForAll @StringLength(max = 2) String c1,
                                           @ForAll @LongRange(min = -3, max = 3) long s2, @ForAll @StringLength(max = 2) String c2) {
        IdKey a = IdKey.ofRow(ENROLLMENT, row(ENROLLMENT, "studentId", s1, "course", c1));
        IdKey b = IdKey.ofIds(ENROLLMENT, enrollmentIds(s2, c2));
        boolean same = s1 == s2 && c1.equals(c2);
        assertEquals(same, a.equals(b), a + " vs " + b);
        assertEquals(same, b.equals(a), b + " vs " + a);
        if (same) assertEquals(a.hashCode(), b.hashCode());
        IdKey u = IdKey.ofRow(USER, row(USER, "id", s1)), v = IdKey.ofIds(USER, new Object[] {s2});
        assertEquals(s1 == s2, u.equals(v));
        if (s1 == s2) assertEquals(u.hashCode(), v.hashCode());
    }
}
