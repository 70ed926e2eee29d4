package org.optilock.benchmarks;

import javax.sql.DataSource;

/** Who reads and writes single rows in {@link SingleRowBenchmarks}. */
public enum Contender {
    /** The baseline: hand-written JDBC, a connection from the pool for each call. */
    JDBC_PER_CALL,
    /** Hand-written JDBC on one held connection and its prepared statements. */
    JDBC_HELD,
    /** Optilock's generated DAO. */
    OPTILOCK,
    /** Hibernate: load, change, commit. */
    HIBERNATE_MANAGED,
    /** Hibernate: merge the client's copy. */
    HIBERNATE_MERGE,
    /** Hibernate: a stateless session's update. */
    HIBERNATE_STATELESS,
    /** jOOQ: an {@code UpdatableRecord} with optimistic locking. */
    JOOQ;

    RowContender open(DataSource dataSource, Database database) {
        return switch (this) {
            case JDBC_PER_CALL -> HandJdbcRows.perCall(dataSource);
            case JDBC_HELD -> HandJdbcRows.held(dataSource);
            case OPTILOCK -> new OptilockRows(dataSource);
            case HIBERNATE_MANAGED -> new HibernateRows(dataSource, HibernateRows.Mode.MANAGED);
            case HIBERNATE_MERGE -> new HibernateRows(dataSource, HibernateRows.Mode.MERGE);
            case HIBERNATE_STATELESS -> new HibernateRows(dataSource, HibernateRows.Mode.STATELESS);
            case JOOQ -> new JooqRows(dataSource, database);
        };
    }
}
