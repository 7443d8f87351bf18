package org.athanor.spring.boot;

import java.util.Locale;
import org.athanor.core.error.AthanorException;
import org.athanor.core.error.DataError;
import org.athanor.core.error.DatabaseError;
import org.athanor.core.error.DisconnectionError;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.error.MultipleResultsException;
import org.athanor.core.error.NoResultException;
import org.athanor.core.error.ProgrammingError;
import org.athanor.core.error.ResourceClosedError;
import org.athanor.core.error.TransactionConflictError;
import org.athanor.orm.StaleDataException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;

/**
 * Athanor's exceptions as Spring's {@link DataAccessException} hierarchy, so that code catching
 * {@code DuplicateKeyException} or {@code DataIntegrityViolationException} works the same over
 * Athanor as over JdbcTemplate or JPA. Registered as a bean, it serves Spring's
 * {@code @Repository} exception translation; the transaction-bound Session's flush before commit
 * uses it as well.
 *
 * <p>Unique violations are told from other integrity errors by SQLSTATE 23505 (PostgreSQL, H2),
 * MySQL/MariaDB error 1062/1586, SQLite's extended codes 1555/2067 or its "UNIQUE constraint failed".
 */
public final class AthanorExceptionTranslator implements PersistenceExceptionTranslator {

    @Override
    public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
        if (ex instanceof DataAccessException d) return d;
        if (!(ex instanceof AthanorException)) return null;
        String msg = ex.getMessage();
        if (ex instanceof IntegrityError e) return isUniqueViolation(e) ? new DuplicateKeyException(msg, e) : new DataIntegrityViolationException(msg, e);
        if (ex instanceof StaleDataException e) return new OptimisticLockingFailureException(msg, e);
        if (ex instanceof TransactionConflictError e) return new PessimisticLockingFailureException(msg, e);
        if (ex instanceof DisconnectionError e) return new DataAccessResourceFailureException(msg, e);
        if (ex instanceof DataError e) return new DataIntegrityViolationException(msg, e);
        if (ex instanceof ProgrammingError e) return new InvalidDataAccessResourceUsageException(msg, e);
        if (ex instanceof NoResultException e) return new EmptyResultDataAccessException(msg, 1, e);
        if (ex instanceof MultipleResultsException e) return new IncorrectResultSizeDataAccessException(msg, 1, e);
        if (ex instanceof ResourceClosedError e) return new InvalidDataAccessApiUsageException(msg, e);
        return new AthanorDataAccessException(msg, ex);
    }

    /** {@link #translateExceptionIfPossible}, or {@code ex} itself when it is not a data-access error. */
    public RuntimeException translate(RuntimeException ex) {
        DataAccessException d = translateExceptionIfPossible(ex);
        return d != null ? d : ex;
    }

    static boolean isUniqueViolation(DatabaseError e) {
        if ("23505".equals(e.sqlState())) return true;
        int code = e.vendorCode();
        if (code == 1062 || code == 1586 || code == 1555 || code == 2067) return true;
        String m = e.getMessage() == null ? "" : e.getMessage().toUpperCase(Locale.ROOT);
        return m.contains("UNIQUE CONSTRAINT FAILED") || m.contains("PRIMARY KEY CONSTRAINT FAILED");
    }

    /** An Athanor error of no more specific Spring kind. */
    public static final class AthanorDataAccessException extends UncategorizedDataAccessException {
        AthanorDataAccessException(String msg, Throwable cause) { super(msg, cause); }
    }
}
