package org.optilock.runtime.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One {@code @ElementCollection} of an entity, as data its DAO states: the collection table (named
 * as JPA names it), the column that holds the owner's key and the one that holds each value, and how
 * a value is bound and read. Written and read with the entity: its rows replaced when the entity is
 * inserted or updated, deleted before it is, and read for every entity a query returns in one more
 * SELECT (all the owners at once, so a page of 50 entities costs two statements, not 51).
 *
 * @param <T> the entity type
 * @param <E> the type of one value
 */
public final class ElementCollection<T, E> {

    /** Binds one value. */
    @FunctionalInterface
    public interface ValueBinder<E> {
        void bind(PreparedStatement statement, int index, E value) throws SQLException;
    }

    /** Reads one value from a column. */
    @FunctionalInterface
    public interface ValueReader<E> {
        E read(ResultSet resultSet, int column) throws SQLException;
    }

    /** How many owners one SELECT or DELETE names at most: databases cap a statement's parameters. */
    private static final int OWNERS_PER_STATEMENT = 500;

    private final String table;
    private final String ownerColumn;
    private final String valueColumn;
    private final Function<T, ? extends Collection<E>> values;
    private final BiConsumer<T, List<E>> assign;
    private final ValueBinder<E> binder;
    private final ValueReader<E> reader;
    private final String insert;

    private ElementCollection(String table, String ownerColumn, String valueColumn,
            Function<T, ? extends Collection<E>> values, BiConsumer<T, List<E>> assign, ValueBinder<E> binder,
            ValueReader<E> reader) {
        this.table = Objects.requireNonNull(table, "table");
        this.ownerColumn = Objects.requireNonNull(ownerColumn, "ownerColumn");
        this.valueColumn = Objects.requireNonNull(valueColumn, "valueColumn");
        this.values = values;
        this.assign = assign;
        this.binder = binder;
        this.reader = reader;
        this.insert = "INSERT INTO " + table + " (" + ownerColumn + ", " + valueColumn + ") VALUES (?, ?)";
    }

    /**
     * The collection stored in {@code table}, each row the owner's key in {@code ownerColumn} and one
     * value in {@code valueColumn}; {@code values} gives an entity's values (null for none), and
     * {@code assign} gives it those read, as the collection its field holds.
     */
    public static <T, E> ElementCollection<T, E> of(String table, String ownerColumn, String valueColumn,
            Function<T, ? extends Collection<E>> values, BiConsumer<T, List<E>> assign, ValueBinder<E> binder,
            ValueReader<E> reader) {
        return new ElementCollection<>(table, ownerColumn, valueColumn, values, assign, binder, reader);
    }

    /** How an owner's key is bound, as its DAO binds it, and compared with the key read back. */
    interface Owner<T> {
        void bind(PreparedStatement statement, int index, T entity) throws SQLException;

        Object key(T entity);
    }

    /** Writes the values of {@code entities}; first deletes their rows where {@code replace}. */
    void write(Connection connection, List<T> entities, Owner<T> owner, boolean replace) throws SQLException {
        if (replace) {
            delete(connection, entities, owner);
        }
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            int rows = 0;
            for (T entity : entities) {
                Collection<E> written = values.apply(entity);
                if (written == null) {
                    continue;
                }
                for (E value : written) {
                    owner.bind(statement, 1, entity);
                    binder.bind(statement, 2, value);
                    statement.addBatch();
                    rows++;
                }
            }
            if (rows > 0) {
                statement.executeBatch();
            }
        }
    }

    /** Deletes the rows of the owner with key {@code id}, which {@code bindId} binds as its only parameter. */
    <ID> void deleteById(Connection connection, ID id, KeyBinder<ID> bindId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + table + " WHERE " + ownerColumn
                + " = ?")) {
            bindId.bind(statement, id);
            statement.executeUpdate();
        }
    }

    /** Binds a key as the first parameter. */
    interface KeyBinder<ID> {
        void bind(PreparedStatement statement, ID id) throws SQLException;
    }

    /** Deletes the rows of {@code entities}. */
    void delete(Connection connection, List<T> entities, Owner<T> owner) throws SQLException {
        for (List<T> chunk : chunks(entities)) {
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + table + " WHERE "
                    + ownerColumn + " IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    owner.bind(statement, i + 1, chunk.get(i));
                }
                statement.executeUpdate();
            }
        }
    }

    /** Reads the values of {@code entities} and gives each its own: an empty collection where it has none. */
    void read(Connection connection, List<T> entities, Owner<T> owner) throws SQLException {
        for (List<T> chunk : chunks(entities)) {
            Map<String, List<E>> read = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + ownerColumn + ", " + valueColumn
                    + " FROM " + table + " WHERE " + ownerColumn + " IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    owner.bind(statement, i + 1, chunk.get(i));
                }
                try (ResultSet resultSet = statement.executeQuery()) {
                    while (resultSet.next()) {
                        read.computeIfAbsent(sameKey(resultSet.getObject(1)), k -> new ArrayList<>())
                                .add(reader.read(resultSet, 2));
                    }
                }
            }
            for (T entity : chunk) {
                assign.accept(entity, read.getOrDefault(sameKey(owner.key(entity)), List.of()));
            }
        }
    }

    /**
     * A key as bound and as read back, made comparable: a driver may read an INTEGER column bound
     * with a Long as an Integer, so numbers compare by value, anything else by its text.
     */
    private static String sameKey(Object key) {
        return key instanceof Number number ? new BigDecimal(number.toString()).stripTrailingZeros().toPlainString()
                : String.valueOf(key);
    }

    private static <T> List<List<T>> chunks(List<T> entities) {
        List<List<T>> chunks = new ArrayList<>();
        for (int start = 0; start < entities.size(); start += OWNERS_PER_STATEMENT) {
            chunks.add(entities.subList(start, Math.min(entities.size(), start + OWNERS_PER_STATEMENT)));
        }
        return chunks;
    }

    @Override
    public String toString() {
        return table + " (" + ownerColumn + ", " + valueColumn + ")";
    }
}
