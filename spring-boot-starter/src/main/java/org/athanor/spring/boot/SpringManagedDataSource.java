package org.athanor.spring.boot;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The DataSource the Athanor {@code Engine} is built over. Inside a Spring transaction it hands out
 * the transaction's own JDBC connection (the one {@code JdbcTemplate} and the transaction manager
 * use), wrapped so that what Athanor does at the end of a unit of work leaves the transaction to
 * Spring: {@code close()} releases instead of closing, and {@code commit()}/{@code rollback()} are
 * ignored (the transaction manager commits, or rolls back on an exception or {@code setRollbackOnly}).
 * Outside a Spring transaction it is the application's DataSource, unchanged, and Athanor's
 * connections manage their own transactions as usual.
 *
 * <p>This keeps core unchanged: a Core {@code Connection} from {@code engine.connect()} joins the
 * Spring transaction because the connection it wraps is the transaction's.
 */
public final class SpringManagedDataSource implements DataSource {
    private final DataSource target;

    public SpringManagedDataSource(DataSource target) { this.target = target; }

    /** The application's DataSource. */
    public DataSource target() { return target; }

    @Override
    public Connection getConnection() throws SQLException {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) return target.getConnection();
        Connection tx = DataSourceUtils.getConnection(target);
        return (Connection) Proxy.newProxyInstance(SpringManagedDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new TransactionBound(tx, target));
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("Athanor's Spring DataSource uses the application DataSource's own credentials");
    }

    @Override public PrintWriter getLogWriter() throws SQLException { return target.getLogWriter(); }
    @Override public void setLogWriter(PrintWriter out) throws SQLException { target.setLogWriter(out); }
    @Override public void setLoginTimeout(int seconds) throws SQLException { target.setLoginTimeout(seconds); }
    @Override public int getLoginTimeout() throws SQLException { return target.getLoginTimeout(); }
    @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { return target.getParentLogger(); }
    @Override public <T> T unwrap(Class<T> iface) throws SQLException { return iface.isInstance(this) ? iface.cast(this) : target.unwrap(iface); }
    @Override public boolean isWrapperFor(Class<?> iface) throws SQLException { return iface.isInstance(this) || target.isWrapperFor(iface); }

    /** The transaction's connection, with its end left to Spring. */
    private static final class TransactionBound implements InvocationHandler {
        private final Connection tx;
        private final DataSource target;
        private boolean closed;

        TransactionBound(Connection tx, DataSource target) {
            this.tx = tx;
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close":
                    if (!closed) {
                        closed = true;
                        DataSourceUtils.releaseConnection(tx, target);
                    }
                    return null;
                case "isClosed":
                    return closed || tx.isClosed();
                case "commit", "rollback":
                    if (args == null || args.length == 0) return null; // the transaction manager ends the transaction
                    break; // rollback(Savepoint) is Athanor's beginNested(): passed through
                case "setAutoCommit":
                    if (Boolean.FALSE.equals(args[0])) return null;
                    throw new SQLException("cannot switch on auto-commit inside a Spring-managed transaction");
                case "unwrap":
                    if (((Class<?>) args[0]).isInstance(proxy)) return proxy;
                    break;
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "Spring transaction connection " + tx;
                default:
            }
            if (closed && !method.getName().equals("getAutoCommit")) throw new SQLException("connection released to the Spring transaction");
            try {
                return method.invoke(tx, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
