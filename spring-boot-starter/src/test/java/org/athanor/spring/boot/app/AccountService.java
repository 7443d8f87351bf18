package org.athanor.spring.boot.app;

import static org.athanor.core.sql.Sql.*;

import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.Table;
import org.athanor.orm.Session;
import org.athanor.spring.boot.TransactionalSessions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AccountService {
    private final TransactionalSessions sessions;
    private final Engine engine;
    private final JdbcTemplate jdbc;

    public AccountService(TransactionalSessions sessions, Engine engine, JdbcTemplate jdbc) {
        this.sessions = sessions;
        this.engine = engine;
        this.jdbc = jdbc;
    }

    private Table accounts() { return sessions.factory().registry().table(Account.class); }

    @Transactional
    public Account open(String owner, int balance) {
        Account a = new Account(owner, balance);
        sessions.current().add(a);
        return a;
    }

    /** What one transaction sees: the same session twice, and its flushed row through Core and JdbcTemplate. */
    public record Seen(boolean sameSession, long viaCore, long viaJdbcTemplate, boolean sameJdbcConnection) {}

    @Transactional
    public Seen openAndLook(String owner) {
        Session first = sessions.current();
        first.add(new Account(owner, 1));
        Session second = sessions.current();
        second.flush();
        long core;
        boolean same;
        try (Connection c = engine.connect()) {
            core = c.scalar(select(org.athanor.core.sql.Sql.count()).from(accounts()).where(accounts().column("owner", String.class).eq(owner)));
            java.sql.Connection springs = org.springframework.jdbc.datasource.DataSourceUtils.getConnection(jdbc.getDataSource());
            same = c.jdbc().unwrap(java.sql.Connection.class) == springs || c.jdbc().toString().contains(springs.toString());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        Long viaJdbc = jdbc.queryForObject("SELECT COUNT(*) FROM accounts WHERE owner = ?", Long.class, owner);
        return new Seen(first == second, core, viaJdbc, same);
    }

    @Transactional
    public void openThenFail(String owner) {
        sessions.current().add(new Account(owner, 5));
        sessions.current().flush();
        throw new IllegalStateException("business rule failed after the flush");
    }

    /** No commit here: the Core connection's work is the Spring transaction's, committed when this returns. */
    @Transactional
    public void coreInsert(String owner) {
        try (Connection c = engine.connect()) {
            c.execute(insert(accounts()).columns(accounts().column("owner"), accounts().column("balance")).values(owner, 9));
        }
    }

    @Transactional
    public void coreInsertThenFail(String owner) {
        try (Connection c = engine.connect()) {
            c.execute(insert(accounts()).columns(accounts().column("owner"), accounts().column("balance")).values(owner, 9));
        }
        throw new IllegalStateException("fails after a Core insert");
    }

    @Transactional
    public void openTwice(String owner) {
        sessions.current().add(new Account(owner, 1));
        sessions.current().add(new Account(owner, 2));
    }

    @Transactional(readOnly = true)
    public List<String> readAndModify(String owner, int newBalance) {
        Session s = sessions.current();
        List<Account> found = s.query(Account.class).filterBy("owner", owner).all();
        for (Account a : found) a.balance = newBalance; // a read-only transaction does not flush this
        return found.stream().map(a -> a.owner).toList();
    }

    @Transactional(readOnly = true)
    public int balance(String owner) {
        return sessions.current().query(Account.class).filterBy("owner", owner).one().balance;
    }

    public long countOf(String owner) {
        return engine.fromTransaction(c -> c.scalar(select(org.athanor.core.sql.Sql.count()).from(accounts()).where(accounts().column("owner", String.class).eq(owner))));
    }
}
