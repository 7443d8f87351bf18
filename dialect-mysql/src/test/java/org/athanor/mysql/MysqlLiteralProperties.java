package org.athanor.mysql;

import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.ContainerLifecycleContext;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.testing.TestDatabases;
import org.athanor.core.type.SqlTypes;
import org.opentest4j.TestAbortedException;

/**
 * Literal rendering agrees with the server's parser: any string rendered by the dialect as a
 * literal, and any string bound as a parameter, comes back from the server unchanged.
 */
@AddLifecycleHook(MysqlLiteralProperties.NeedsServer.class)
class MysqlLiteralProperties {
    static Engine engine;
    static Connection connection;

    /**
     * Connects before the container runs: a server that is down skips the class with TestDatabases'
     * message (a failure under CI=true). Thrown from a jqwik {@code @BeforeContainer} the skip was
     * reported as an error; thrown inside a try jqwik would count it as a rejected sample.
     */
    public static final class NeedsServer implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            if (!(context instanceof ContainerLifecycleContext)) return SkipResult.doNotSkip();
            try {
                connection();
                return SkipResult.doNotSkip();
            } catch (TestAbortedException e) {
                return SkipResult.skip(e.getMessage());
            }
        }
    }

    static Connection connection() {
        if (connection == null) {
            engine = TestDatabases.mysql();
            connection = engine.connect();
        }
        return connection;
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
        assertEquals(s, connection().execute(select(literal(s, SqlTypes.TEXT).as("v"))).one()._1);
    }

    @Property(tries = 300)
    void boundValuesReadBackUnchanged(@ForAll("nasty") String s) {
        assertEquals(s, connection().execute(select(param(s, SqlTypes.TEXT).as("v"))).one()._1);
    }
}
