package org.optilock.spring.boot;

import java.util.List;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.optilock.runtime.Schema;
import org.optilock.runtime.SchemaMismatch;
import org.optilock.runtime.SchemaMismatchException;
import org.optilock.spring.actuate.EntityBeans;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Compares the entities of every DAO and repository bean with the live tables once every singleton
 * is made (so after {@code spring.sql.init} and Flyway or Liquibase ran), and fails the start-up
 * naming every mismatch and its fix, or warns, as {@code optilock.schema-check} says: a schema that
 * does not fit shows at start-up, not at a first write.
 */
final class SchemaCheck implements SmartInitializingSingleton {

    private static final Log LOG = LogFactory.getLog(SchemaCheck.class);

    private final DataSource dataSource;
    private final ListableBeanFactory beans;
    private final OptilockProperties.SchemaCheckMode mode;

    SchemaCheck(DataSource dataSource, ListableBeanFactory beans, OptilockProperties.SchemaCheckMode mode) {
        this.dataSource = dataSource;
        this.beans = beans;
        this.mode = mode;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (mode == OptilockProperties.SchemaCheckMode.OFF) {
            return;
        }
        List<SchemaMismatch> mismatches = Schema.verify(dataSource, new EntityBeans(beans).entityTypes());
        if (mismatches.isEmpty()) {
            return;
        }
        SchemaMismatchException mismatch = new SchemaMismatchException(mismatches);
        if (mode == OptilockProperties.SchemaCheckMode.FAIL) {
            throw mismatch;
        }
        LOG.warn(mismatch.getMessage() + "\n(optilock.schema-check=warn: starting anyway)");
    }
}
