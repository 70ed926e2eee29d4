package org.optilock.runtime;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.optilock.runtime.internal.TriggerTargets;

/**
 * Creates, drops and lists the database triggers that maintain {@code Strategy.TRIGGER} versions
 * (django-concurrency's {@code triggers} command). A trigger moves the version of every update
 * that leaves it unchanged, so updates made outside the application (raw SQL, other programs) are
 * detected too. Every verb is idempotent.
 *
 * <p>The same verbs run from a command line: see {@link TriggersCommand}.
 */
public final class Triggers {

    private Triggers() {}

    /**
     * Creates the version triggers of {@code entityTypes} that do not exist yet, in one transaction.
     *
     * @return the names of the triggers created; empty when all existed
     * @throws IllegalArgumentException if an entity does not use {@code Strategy.TRIGGER}
     * @throws DataAccessException if the database refuses
     */
    public static List<String> create(DataSource dataSource, Class<?>... entityTypes) {
        return TriggerTargets.create(dataSource, TriggerTargets.of(entityTypes));
    }

    /**
     * Drops the version triggers of {@code entityTypes} that exist, in one transaction.
     *
     * @return the names of the triggers dropped; empty when none existed
     */
    public static List<String> drop(DataSource dataSource, Class<?>... entityTypes) {
        return TriggerTargets.drop(dataSource, TriggerTargets.of(entityTypes));
    }

    /**
     * The names of the version triggers Optilock created that exist now in every schema the connection
     * can see (every database on MySQL/MariaDB, every attached database on SQLite): those in the
     * connection's current schema as they are, the others as {@code schema.name}; in lower case,
     * sorted. A trigger made for {@code @Table(schema = "app")} is listed as {@code app.<name>}.
     */
    public static List<String> list(DataSource dataSource) {
        return TriggerTargets.list(dataSource, Optional.empty());
    }

    /**
     * The names of the version triggers Optilock created that exist now in {@code schema} (for
     * {@code @Table(schema = ...)}; a database on MySQL/MariaDB, an attached database on SQLite), each
     * as {@code schema.name}, in lower case, sorted: the names {@code create} and {@code drop} return
     * for tables in that schema.
     */
    public static List<String> list(DataSource dataSource, String schema) {
        return TriggerTargets.list(dataSource, Optional.of(Objects.requireNonNull(schema, "schema")));
    }
}
