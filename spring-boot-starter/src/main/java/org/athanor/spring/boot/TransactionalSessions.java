package org.athanor.spring.boot;

import org.athanor.orm.Session;
import org.athanor.orm.SessionFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The {@link Session} of the current Spring transaction (as Spring's {@code SessionFactoryUtils}
 * does for Hibernate): the first call inside a transaction opens one and binds it to the
 * transaction; every later call in the same transaction returns that one. Before commit the session
 * is flushed (not in read-only transactions); after completion it is closed.
 *
 * <pre>{@code
 * @Service
 * class Accounts {
 *     private final TransactionalSessions sessions;
 *     Accounts(TransactionalSessions sessions) { this.sessions = sessions; }
 *
 *     @Transactional
 *     public void open(String owner) { sessions.current().add(new Account(owner)); } // flushed and committed by Spring
 * }
 * }</pre>
 *
 * The session's connection is the transaction's: Core work through {@code engine.connect()} and
 * {@code JdbcTemplate} in the same transaction see the flushed rows. Do not call
 * {@code commit()}/{@code rollback()} on it: the transaction manager ends the transaction (throw, or
 * {@code TransactionStatus.setRollbackOnly()}, to roll back).
 */
public final class TransactionalSessions {
    private final SessionFactory factory;
    private final AthanorExceptionTranslator translator;

    public TransactionalSessions(SessionFactory factory, AthanorExceptionTranslator translator) {
        this.factory = factory;
        this.translator = translator;
    }

    public SessionFactory factory() { return factory; }

    /** The transaction's session; an error outside a Spring transaction. */
    public Session current() {
        Object bound = TransactionSynchronizationManager.getResource(factory);
        if (bound instanceof Session s) return s;
        if (!TransactionSynchronizationManager.isSynchronizationActive() || !TransactionSynchronizationManager.isActualTransactionActive())
            throw new IllegalStateException("no Spring transaction is active: call TransactionalSessions.current() inside a "
                    + "@Transactional method (or TransactionTemplate), or use SessionFactory.openSession() and manage it yourself");
        Session session = factory.openSession();
        TransactionSynchronizationManager.bindResource(factory, session);
        TransactionSynchronizationManager.registerSynchronization(new Binding(session));
        return session;
    }

    /** Flush before commit, close after completion, unbind. */
    private final class Binding implements TransactionSynchronization {
        private final Session session;
        private boolean readOnly;

        Binding(Session session) { this.session = session; }

        @Override
        public void suspend() { TransactionSynchronizationManager.unbindResource(factory); }

        @Override
        public void resume() { TransactionSynchronizationManager.bindResource(factory, session); }

        @Override
        public void flush() {
            try {
                session.flush();
            } catch (RuntimeException e) {
                throw translator.translate(e);
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            this.readOnly = readOnly;
            if (!readOnly) flush();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(factory);
            try {
                // the database transaction has ended already: these only bring the session's objects in step
                // with it (committed: persistent; rolled back: as SQLAlchemy leaves them) - the JDBC
                // connection's commit/rollback are no-ops inside the Spring transaction
                if (status == STATUS_COMMITTED) {
                    if (!readOnly) session.commit();
                } else {
                    session.rollback();
                }
            } finally {
                session.close();
            }
        }
    }
}
