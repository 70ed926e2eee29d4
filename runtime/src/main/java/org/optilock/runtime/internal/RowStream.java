package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.optilock.runtime.ConnectionSource;
import org.optilock.runtime.Dialect;

/**
 * The rows of a query as a stream read while it is consumed: the connection, statement and result set
 * stay open until the last row is read or the stream is closed, whichever comes first, which closes
 * them (in reverse order, once) and gives the connection back. So a stream consumed to its end (by
 * {@code toList}, {@code forEach}, {@code collect}) needs no closing, as most callers expect; one left
 * part-way ({@code findFirst}, {@code limit}) holds its connection until closed, so close it, as with
 * try-with-resources. A failure while reading closes nothing by itself: the caller's close does.
 *
 * @param <T> what one row gives: the entity, or a selected value (which may be null)
 */
final class RowStream<T> extends Spliterators.AbstractSpliterator<T> {

    private final ResultSet resultSet;
    private final RowReader<T> read;
    private final String operation;
    /** Closes what the stream opened, the first time it is run. */
    private final Runnable close;

    private RowStream(ResultSet resultSet, RowReader<T> read, String operation, Runnable close) {
        super(Long.MAX_VALUE, Spliterator.ORDERED);
        this.resultSet = resultSet;
        this.read = read;
        this.operation = operation;
        this.close = close;
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
            AtomicBoolean closed = new AtomicBoolean();
            Runnable close = () -> {
                if (closed.compareAndSet(false, true)) {
                    closeAll(operation, opened);
                }
            };
            return StreamSupport.stream(new RowStream<>(resultSet, read.apply(lease.connection()), operation, close),
                    false).onClose(close);
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
                close.run();
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
