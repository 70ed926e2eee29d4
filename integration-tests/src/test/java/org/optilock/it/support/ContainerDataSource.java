package org.optilock.it.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * What a container's transaction-aware data source does, for tests of
 * {@code ConnectionSource.managed}: while a transaction is open, every {@code getConnection} hands out
 * a handle on the transaction's one connection, whose {@code close} only gives the handle back;
 * outside one, a fresh connection in auto-commit mode. It records every call that would take the
 * transaction from the container: {@code commit}, {@code rollback} (of the whole transaction) and
 * {@code setAutoCommit}.
 */
public final class ContainerDataSource {

    private static final Set<String> TRANSACTION_CALLS = Set.of("commit", "rollback", "setAutoCommit");

    private final DataSource target;
    private final boolean savepoints;
    private final List<String> transactionCalls = Collections.synchronizedList(new ArrayList<>());
    private Connection transaction;

    public ContainerDataSource(DataSource target) {
        this(target, true);
    }

    private ContainerDataSource(DataSource target, boolean savepoints) {
        this.target = target;
        this.savepoints = savepoints;
    }

    /** A container whose connections refuse savepoints, as XA connections under JTA often do. */
    public static ContainerDataSource withoutSavepoints(DataSource target) {
        return new ContainerDataSource(target, false);
    }

    /** Opens the container's transaction. */
    public void begin() throws SQLException {
        transaction = target.getConnection();
        transaction.setAutoCommit(false);
    }

    /** Ends the container's transaction, committing it or rolling it back. */
    public void end(boolean commit) throws SQLException {
        try (Connection connection = transaction) {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
            connection.setAutoCommit(true);
        } finally {
            transaction = null;
        }
    }

    /** The calls that only the container may make, made by anybody else through a handle. */
    public List<String> transactionCalls() {
        return List.copyOf(transactionCalls);
    }

    /** The data source the DAO is given. */
    public DataSource dataSource() {
        return JdbcProxy.of(DataSource.class, (method, args) -> {
            if (!method.getName().equals("getConnection")) {
                return JdbcProxy.invoke(target, method, args);
            }
            return transaction == null ? handle(target.getConnection(), true) : handle(transaction, false);
        });
    }

    private Connection handle(Connection connection, boolean closes) {
        return JdbcProxy.of(Connection.class, (method, args) -> {
            // rollback(Savepoint) undoes part of the transaction, as a nested one may; rollback() all of it.
            boolean wholeTransaction = !(method.getName().equals("rollback") && args != null);
            if (TRANSACTION_CALLS.contains(method.getName()) && wholeTransaction) {
                transactionCalls.add(method.getName());
            }
            if (method.getName().equals("close") && !closes) {
                return null;
            }
            if (method.getName().equals("setSavepoint") && !savepoints) {
                throw new SQLFeatureNotSupportedException("savepoints are not supported in this container");
            }
            return JdbcProxy.invoke(connection, method, args);
        });
    }
}
