package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.optilock.runtime.ConnectionSource;
import org.optilock.runtime.Dialect;

/**
 * The rows of a query as a stream read while it is consumed: the connection, statement and result set
 * stay open until the stream is closed, which closes them (in reverse order) and gives the connection
 * back. A failure while reading closes nothing by itself: the caller's try-with-resources does.
 *
 * @param <T> what one row gives: the entity, or a selected value (which may be null)
 */
final class RowStream<T> extends Spliterators.AbstractSpliterator<T> {

    private final ResultSet resultSet;
    private final RowReader<T> read;
    private final String operation;

    private RowStream(ResultSet resultSet, RowReader<T> read, String operation) {
        super(Long.MAX_VALUE, Spliterator.ORDERED);
        this.resultSet = resultSet;
        this.read = read;
        this.operation = operation;
    }

    /**
     * Runs {@code sql} (as its database spells it) on a connection of {@code context} and streams its
     * rows, each read by the reader {@code read} makes for that connection.
     */
    static <T> Stream<T> open(DaoContext context, Function<Dialect, String> sql, ParameterBinder binder,
            Function<Connection, RowReader<T>> read, String operation) {
        ConnectionSource.Lease lease = null;
        PreparedStatement statement = null;
        try {
            lease = context.lease();
            statement = lease.connection().prepareStatement(sql.apply(context.database().dialect()));
            binder.bind(statement);
            ResultSet resultSet = statement.executeQuery();
            AutoCloseable[] opened = {resultSet, statement, lease};
            return StreamSupport.stream(new RowStream<>(resultSet, read.apply(lease.connection()), operation), false)
                    .onClose(() -> closeAll(operation, opened));
        } catch (SQLException e) {
            RuntimeException failure = SqlFailure.exception(operation, e);
            closeQuietly(failure, statement, lease);
            throw failure;
        }
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
        try {
            if (!resultSet.next()) {
                return false;
            }
            action.accept(read.read(resultSet));
            return true;
        } catch (SQLException e) {
            throw SqlFailure.exception(operation, e);
        }
    }

    private static void closeAll(String operation, AutoCloseable... opened) {
        RuntimeException failure = null;
        for (AutoCloseable resource : opened) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e instanceof SQLException sql ? SqlFailure.exception(operation, sql) : new IllegalStateException(e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Closes what was opened before {@code failure}, keeping what else fails on it. */
    private static void closeQuietly(RuntimeException failure, AutoCloseable... opened) {
        for (AutoCloseable resource : opened) {
            if (resource != null) {
                try {
                    resource.close();
                } catch (Exception e) {
                    failure.addSuppressed(e);
                }
            }
        }
    }
}
