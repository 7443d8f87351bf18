package org.athanor.mysql;

import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.testing.TestDatabases;
import org.athanor.core.type.SqlTypes;

/**
 * Literal rendering agrees with the server's parser: any string rendered by the dialect as a
 * literal, and any string bound as a parameter, comes back from the server unchanged.
 */
class MysqlLiteralProperties {
    static Engine engine;
    static Connection connection;

    @BeforeContainer
    static void connect() {
        engine = TestDatabases.mysql();
        connection = engine.connect();
    }

    @AfterContainer
    static void close() {
        if (connection != null) connection.close();
        if (engine != null) engine.close();
    }

    /** Strings rich in what MySQL's lexer treats specially, plus any BMP and astral characters (no lone surrogates). */
    @Provide
    Arbitrary<String> nasty() {
        Arbitrary<Character> special = Arbitraries.of('\'', '\\', '"', '`', '%', '_', '\0', '\n', '\r', '\t', '\u001a', '/', 'b', 'n', '0', 'Z');
        Arbitrary<String> pieces = Arbitraries.oneOf(
                special.map(String::valueOf),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(4).filter(MysqlLiteralProperties::noLoneSurrogate),
                Arbitraries.of("😀", "𝄞", "中文", "é", "\\'", "''", "\\\\", "\\%", "\\_"));
        return pieces.list().ofMaxSize(30).map(l -> String.join("", l));
    }

    private static boolean noLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    @Property(tries = 300)
    void renderedLiteralsReadBackUnchanged(@ForAll("nasty") String s) {
        assertEquals(s, connection.execute(select(literal(s, SqlTypes.TEXT).as("v"))).one()._1);
    }

    @Property(tries = 300)
    void boundValuesReadBackUnchanged(@ForAll("nasty") String s) {
        assertEquals(s, connection.execute(select(param(s, SqlTypes.TEXT).as("v"))).one()._1);
    }
}
