package org.optilock.it.support;

/** The databases every integration test runs on, each embedded and started by the tests. */
public enum DatabaseKind {
    H2,
    SQLITE,
    POSTGRESQL,
    MARIADB
}
