package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The type each parameter of a one-row checked UPDATE is cast to in the rows of H2's {@code MERGE}
 * of many rows ({@link JoinedStatement#merge}). H2 types a parameter of the one-row statement by the
 * column it meets, and reports that type through the driver's parameter metadata, which is read once
 * per database and statement and kept: later batches prepare nothing more for it.
 *
 * <p>A cast names the type's family, not its declared length or precision: the value is converted to
 * the column's own type when assigned or compared, exactly as a parameter of the one-row statement
 * is, so a longer column or a coarser timestamp in the live table than in the entity's DDL changes
 * nothing. Types outside the families below (fixed-length text, whose comparisons pad; large objects,
 * arrays, enums, JSON, geometry) have no
 * cast here, and a batch of such an entity stays a JDBC batch.
 */
final class H2MergeTypes {

    /** Casts by database (URL and user) and statement; empty where a parameter has none. */
    private static final Map<String, Optional<List<String>>> CASTS = new ConcurrentHashMap<>();

    private H2MergeTypes() {}

    /**
     * The cast of each parameter of {@code update}, in order, null for one that needs none; empty when
     * a parameter's type has no cast here.
     */
    static Optional<List<String>> of(Connection connection, DaoStatements.Statement update) throws SQLException {
        String key = key(connection, update);
        Optional<List<String>> known = CASTS.get(key);
        if (known != null) {
            return known;
        }
        List<String> casts = new ArrayList<>(update.parameters().length);
        try (PreparedStatement statement = connection.prepareStatement(update.sql())) {
            ParameterMetaData metadata = statement.getParameterMetaData();
            for (int p = 0; p < update.parameters().length; p++) {
                // The flag for an unset version meets only a number in the statement, so H2 cannot tell its type.
                String cast = update.parameters()[p] == DaoStatements.EXPECTED_UNSET ? "INTEGER"
                        : cast(metadata.getParameterTypeName(p + 1));
                if (cast == null) {
                    casts = null;
                    break;
                }
                casts.add(cast);
            }
        }
        Optional<List<String>> found = Optional.ofNullable(casts).map(Collections::unmodifiableList);
        CASTS.put(key, found);
        return found;
    }

    /**
     * Forgets the casts of {@code update} on this database, after a statement that used them failed: a
     * table altered since they were read is read anew by the next batch.
     */
    static void forget(Connection connection, DaoStatements.Statement update) throws SQLException {
        CASTS.remove(key(connection, update));
    }

    private static String key(Connection connection, DaoStatements.Statement update) throws SQLException {
        DatabaseMetaData database = connection.getMetaData();
        return database.getURL() + '\n' + database.getUserName() + '\n' + update.sql();
    }

    /** The cast for a parameter H2 reports as {@code type}; null where there is none. */
    static String cast(String type) {
        return switch (type) {
            case "CHARACTER VARYING" -> "CHARACTER VARYING";
            case "VARCHAR_IGNORECASE" -> "VARCHAR_IGNORECASE";
            case "BINARY", "BINARY VARYING" -> "BINARY VARYING";
            // DECFLOAT holds any decimal exactly; the column's precision and scale apply on assignment.
            case "NUMERIC", "DECIMAL", "DECFLOAT" -> "DECFLOAT";
            case "BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "REAL", "DOUBLE PRECISION", "DATE", "UUID" -> type;
            // The finest fractions H2 keeps, rounded to the column's on assignment.
            case "TIME" -> "TIME(9)";
            case "TIME WITH TIME ZONE" -> "TIME(9) WITH TIME ZONE";
            case "TIMESTAMP" -> "TIMESTAMP(9)";
            case "TIMESTAMP WITH TIME ZONE" -> "TIMESTAMP(9) WITH TIME ZONE";
            default -> null;
        };
    }
}
