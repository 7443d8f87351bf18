package org.athanor.spring.boot;

import static org.junit.jupiter.api.Assertions.*;

import org.athanor.core.engine.Engine;
import org.athanor.core.error.IntegrityError;
import org.athanor.orm.Registry;
import org.athanor.orm.SessionFactory;
import org.athanor.spring.boot.app.Account;
import org.athanor.spring.boot.app.AccountService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DuplicateKeyException;

/** The same checks on every database, against a real Spring Boot application context. */
abstract class StarterScenario {
    @Autowired ApplicationContext context;
    @Autowired Engine engine;
    @Autowired Registry registry;
    @Autowired SessionFactory sessionFactory;
    @Autowired AccountService service;
    @Autowired AthanorExceptionTranslator translator;
    @Autowired org.athanor.spring.boot.app.AccountRepository repository;

    abstract String expectedDialect();

    @BeforeEach
    void schema() {
        registry.metadata().createAll(engine);
        engine.inTransaction(c -> c.execute(org.athanor.core.sql.Sql.deleteFrom(registry.table(Account.class))));
    }

    @Test
    void beansArePresentAndConfigured() {
        assertEquals(expectedDialect(), engine.dialect().name());
        assertTrue(engine.options().echo(), "athanor.echo=true from the test properties");
        assertEquals(64, engine.options().statementCacheSize());
        assertFalse(sessionFactory.expireOnCommit(), "athanor.orm.expire-on-commit=false from the test properties");
        assertTrue(registry.entityClasses().contains(Account.class), registry.entityClasses()::toString);
        assertSame(engine, sessionFactory.engine());
        assertNotNull(context.getBean(TransactionalSessions.class));
        assertInstanceOf(SpringManagedDataSource.class, engine.dataSource());
    }

    @Test
    void aTransactionalServiceCommits() {
        Account a = service.open("ada", 10);
        assertNotNull(a.id, "flushed before commit: the generated id is there");
        assertEquals(1, service.countOf("ada"));
        assertEquals(10, service.balance("ada"));
    }

    @Test
    void oneSessionPerTransactionSharingTheJdbcTransaction() {
        AccountService.Seen seen = service.openAndLook("bo");
        assertTrue(seen.sameSession());
        assertEquals(1, seen.viaCore(), "Core sees the session's flushed row: same transaction");
        assertEquals(1, seen.viaJdbcTemplate(), "JdbcTemplate sees it too");
        assertTrue(seen.sameJdbcConnection());
        assertEquals(1, service.countOf("bo"));
    }

    @Test
    void coreConnectionsJoinTheSpringTransaction() {
        service.coreInsert("hal"); // the Core Connection is closed uncommitted: on its own that would roll back
        assertEquals(1, service.countOf("hal"), "committed by the Spring transaction manager");
    }

    @Test
    void anExceptionRollsBackSessionAndCoreWork() {
        assertThrows(IllegalStateException.class, () -> service.openThenFail("cy"));
        assertEquals(0, service.countOf("cy"), "the flushed insert was rolled back with the Spring transaction");
        assertThrows(IllegalStateException.class, () -> service.coreInsertThenFail("dee"));
        assertEquals(0, service.countOf("dee"), "the Core insert joined the Spring transaction and was rolled back");
    }

    @Test
    void uniqueViolationsBecomeDuplicateKeyException() {
        DuplicateKeyException e = assertThrows(DuplicateKeyException.class, () -> service.openTwice("eve"));
        assertInstanceOf(IntegrityError.class, e.getCause());
        assertEquals(0, service.countOf("eve"));
        // the translator on its own, for @Repository beans
        service.open("fay", 1);
        RuntimeException raw = assertThrows(IntegrityError.class, () -> engine.inTransaction(c -> c.execute(
                org.athanor.core.sql.Sql.insert(registry.table(Account.class)).columns(registry.table(Account.class).column("owner"),
                        registry.table(Account.class).column("balance")).values("fay", 2))));
        assertInstanceOf(DuplicateKeyException.class, translator.translateExceptionIfPossible(raw));
    }

    @Test
    void repositoryExceptionsAreTranslatedBySpring() {
        repository.insertCore("ivy", 1);
        DuplicateKeyException e = assertThrows(DuplicateKeyException.class, () -> repository.insertCore("ivy", 2));
        assertInstanceOf(IntegrityError.class, e.getCause());
    }

    @Test
    void readOnlyTransactionsDoNotFlush() {
        service.open("gus", 3);
        assertEquals(java.util.List.of("gus"), service.readAndModify("gus", 99));
        assertEquals(3, service.balance("gus"));
    }

    @Test
    void outsideATransactionThereIsNoCurrentSession() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> context.getBean(TransactionalSessions.class).current());
        assertTrue(e.getMessage().contains("@Transactional"), e.getMessage());
    }
}
