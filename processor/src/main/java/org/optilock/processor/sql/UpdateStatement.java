package org.optilock.processor.sql;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.optilock.processor.model.SqlDialect;

/** An UPDATE of one row, and how the DAO learns the version it gave the row. */
public sealed interface UpdateStatement {

    /** The parameters, the same for every dialect. */
    List<Parameter> parameters();

    /** The same update for many rows at once on PostgreSQL, where there is one: for a checked update. */
    Optional<ArrayStatement> fromArrays();

    /**
     * The version is computed in Java before the write and bound as {@link Parameter.NewVersion}; the
     * row count says whether the row matched. Such updates can run as one JDBC batch, or, for a
     * checked update, as one {@link ArrayStatement} on PostgreSQL.
     *
     * @param fromArrays the same update for many rows at once; present for the checked update
     */
    record Plain(SqlStatement statement, Optional<ArrayStatement> fromArrays) implements UpdateStatement {
        @Override
        public List<Parameter> parameters() {
            return statement.parameters();
        }
    }

    /**
     * The database decides the version (a trigger, a conditional version, or a counter moved on from
     * the row's own value), so the statement reports it, differently per dialect: the update is a
     * query through {@code RETURNING} or H2's {@code FINAL TABLE}; on MySQL it stays an update and
     * the runtime reads the value it assigned to {@code DialectSql.MYSQL_VARIABLE}.
     *
     * @param fromArrays the same update for many rows at once, returning each written row's position
     *     and version; present for the checked update. Its parameters are its own: a column a
     *     conditional version compares is compared with the array that assigns it, not sent twice
     */
    record ReadingBack(Map<SqlDialect, SqlStatement> statements, Optional<ArrayStatement> fromArrays)
            implements UpdateStatement {
        public ReadingBack {
            // An EnumMap keeps the dialects in declaration order, so the generated code is reproducible.
            statements = Collections.unmodifiableMap(new EnumMap<>(statements));
            if (statements.values().stream().map(SqlStatement::parameters).distinct().count() != 1) {
                throw new IllegalArgumentException("every dialect must bind the same parameters: " + statements);
            }
        }

        @Override
        public List<Parameter> parameters() {
            return statements.values().iterator().next().parameters();
        }
    }
}
