package org.optilock.processor.model;

/**
 * The databases the processor writes SQL for; the constants match the runtime's
 * {@code org.optilock.runtime.Dialect}, which picks among them at run time. How each spells what
 * differs is the {@code sql} package's ({@code DialectSql}) and the JDQL translator's.
 */
public enum SqlDialect {
    H2,
    POSTGRESQL,
    SQLITE,
    MYSQL
}
