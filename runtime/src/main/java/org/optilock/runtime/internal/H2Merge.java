package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How H2 writes the rows of a one-row checked UPDATE or DELETE as one {@code MERGE} ({@link
 * JoinedStatement#merge}), on one database: each value cast to the type H2 gives the same parameter
 * of the one-row statement, and the statement's text for the counts of rows asked for. H2 types a
 * parameter of the one-row statement by the column it meets, and reports that type through the
 * driver's parameter metadata, which is read once per database and statement; the texts are kept
 * too ({@link TextsByRowCount}).
 *
 * <p>A cast names the type's family, not its declared length or precision: the value is converted to
 * the column's own type when assigned or compared, exactly as a parameter of the one-row statement
 * is, so a longer column or a coarser timestamp in the live table than in the entity's DDL changes
 * nothing. Types outside the families below (fixed-length text, whose comparisons pad; large objects,
 * arrays, enums, JSON, geometry) have no cast here, and a batch of such an entity stays a JDBC batch.
 */
final class H2Merge implements JoinedBatch.Spelling {

    /** A one-row statement on one database: its URL and user, as {@link PostgresArrays} tells databases apart. */
    private record Key(String url, String user, String sql) {}

    /** By database and statement; empty where a parameter has no cast. */
    private static final Map<Key, Optional<H2Merge>> MERGES = new ConcurrentHashMap<>();

    private final List<String> casts;
    private final TextsByRowCount texts = new TextsByRowCount();

    private H2Merge(List<String> casts) {
        this.casts = casts;
    }

    /** The MERGE of {@code update} on the database of {@code connection}; empty when a parameter's type has no cast here. */
    static Optional<H2Merge> of(Connection connection, DaoStatements.Statement update) throws SQLException {
        Key key = key(connection, update);
        Optional<H2Merge> known = MERGES.get(key);
        if (known != null) {
            return known;
        }
        Optional<H2Merge> found = castsOf(connection, update).map(H2Merge::new);
        MERGES.put(key, found);
        return found;
    }

    /**
     * Forgets the MERGE of {@code update} on this database, after a statement that used it failed: a
     * table altered since its casts were read is read anew by the next batch.
     */
    static void forget(Connection connection, DaoStatements.Statement update) throws SQLException {
        MERGES.remove(key(connection, update));
    }

    private static Key key(Connection connection, DaoStatements.Statement update) throws SQLException {
        DatabaseMetaData database = connection.getMetaData();
        return new Key(database.getURL(), database.getUserName(), update.sql());
    }

    /** The cast of each parameter of {@code update}, in order, null for one that needs none. */
    private static Optional<List<String>> castsOf(Connection connection, DaoStatements.Statement update)
            throws SQLException {
        List<String> casts = new ArrayList<>(update.parameters().length);
        try (PreparedStatement statement = connection.prepareStatement(update.sql())) {
            ParameterMetaData metadata = statement.getParameterMetaData();
            for (int p = 0; p < update.parameters().length; p++) {
                // The flag for an unset version meets only a number in the statement, so H2 cannot tell its type.
                String cast = update.parameters()[p] == DaoStatements.EXPECTED_UNSET ? "INTEGER"
                        : cast(metadata.getParameterTypeName(p + 1));
                if (cast == null) {
                    return Optional.empty();
                }
                casts.add(cast);
            }
        }
        return Optional.of(List.copyOf(casts));
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

    /** The MERGE of {@code rows} rows of {@code statement}, the joined form of this one's UPDATE or DELETE. */
    @Override
    public String sql(JoinedStatement statement, int rows) {
        return texts.of(rows, count -> statement.merge(count, casts));
    }
}
