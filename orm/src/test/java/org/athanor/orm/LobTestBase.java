package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.athanor.orm.model.LobDoc;
import org.athanor.orm.model.LobDoc_;
import org.junit.jupiter.api.Test;

/**
 * {@code @Lob} through the session on each database: text and bytes larger than 64 KiB (MariaDB's TEXT and BLOB
 * hold 65,535 bytes, so the mapping must choose LONGTEXT/LONGBLOB there; PostgreSQL text/bytea, SQLite TEXT/BLOB)
 * written by a one-row INSERT and by the multi-row insert path, read back unchanged, and a byte array changed in
 * place found by the dirty check.
 */
public abstract class LobTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(LobDoc.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    /** {@code chars} characters of ASCII, two-byte and four-byte UTF-8 (more than {@code chars} bytes). */
    static String text(int chars) {
        StringBuilder sb = new StringBuilder(chars);
        String[] parts = {"lob ", "\u00e9", "\uD83D\uDE00", "\n"};
        for (int i = 0; sb.length() < chars; i++) sb.append(parts[i % parts.length]);
        sb.setLength(chars - 1);
        if (Character.isHighSurrogate(sb.charAt(chars - 2))) sb.setCharAt(chars - 2, '-'); // no half pair
        return sb.append('.').toString();
    }

    /** {@code n} bytes cycling through all 256 values. */
    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i * 31 + i / 256);
        return b;
    }

    @Test
    void largeTextAndBytesRoundTripThroughOneRowAndMultiRowInserts() {
        String big = text(100_000);
        byte[] blob = bytes(200_000);
        Long one;
        try (Session s = sessions.openSession()) {
            LobDoc d = new LobDoc("one", big, blob);
            s.add(d);
            s.commit();
            one = d.getId();
        }
        try (Session s = sessions.openSession()) {
            s.addAll(List.of(new LobDoc("a", big + "a", blob), new LobDoc("b", "", new byte[0]), new LobDoc("c", null, null)));
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            LobDoc d = s.get(LobDoc.class, one);
            assertEquals(big.length(), d.getBody().length());
            assertEquals(big, d.getBody());
            assertArrayEquals(blob, d.getData());
            Map<String, LobDoc> byTitle = s.query(LobDoc.class).filter(LobDoc_.title.in(List.of("a", "b", "c"))).all().stream()
                    .collect(Collectors.toMap(LobDoc::getTitle, Function.identity()));
            assertEquals(big + "a", byTitle.get("a").getBody());
            assertArrayEquals(blob, byTitle.get("a").getData());
            assertEquals("", byTitle.get("b").getBody());
            assertArrayEquals(new byte[0], byTitle.get("b").getData());
            assertNull(byTitle.get("c").getBody());
            assertNull(byTitle.get("c").getData());
        }
    }

    @Test
    void aByteArrayChangedInPlaceAndALongerTextAreUpdated() {
        byte[] blob = bytes(70_000);
        Long id;
        try (Session s = sessions.openSession()) {
            LobDoc d = new LobDoc("d", "short", blob);
            s.add(d);
            s.commit();
            id = d.getId();
        }
        String longer = text(90_000);
        try (Session s = sessions.openSession()) {
            LobDoc d = s.get(LobDoc.class, id);
            d.getData()[69_999] ^= 0x5a; // the same array, one byte changed
            d.setBody(longer);
            statements.clear();
            s.commit();
            assertEquals(1, count("UPDATE"), statements.toString());
        }
        blob[69_999] ^= 0x5a;
        try (Session s = sessions.openSession()) {
            LobDoc d = s.get(LobDoc.class, id);
            assertArrayEquals(blob, d.getData());
            assertEquals(longer, d.getBody());
            statements.clear();
            s.commit();
            assertEquals(0, count("UPDATE"), "nothing changed: " + statements);
        }
    }
}
