package org.athanor.sqlite;

import static org.athanor.core.sql.Sql.*;

import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;

/** Run by {@link EchoLoggingTest} in a JVM without an SLF4J provider: echo must reach standard output. */
public final class EchoToStdout {
    public static void main(String[] args) {
        try (Engine engine = Engine.create("sqlite://", EngineOptions.defaults().echo(true)); Connection c = engine.connect()) {
            c.execute(select(param("line\nbreak"))).all();
            c.commit();
        }
    }
}
