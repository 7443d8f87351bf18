package org.athanor.spring.boot.app;

import static org.athanor.core.sql.Sql.insert;

import org.athanor.core.engine.Engine;
import org.athanor.core.schema.Table;
import org.athanor.orm.Registry;
import org.springframework.stereotype.Repository;

/** A @Repository: Spring's exception translation turns Athanor's errors thrown here into DataAccessExceptions. */
@Repository
public class AccountRepository {
    private final Engine engine;
    private final Table accounts;

    public AccountRepository(Engine engine, Registry registry) {
        this.engine = engine;
        this.accounts = registry.table(Account.class);
    }

    public void insertCore(String owner, int balance) {
        engine.inTransaction(c -> c.execute(insert(accounts).columns(accounts.column("owner"), accounts.column("balance")).values(owner, balance)));
    }
}
