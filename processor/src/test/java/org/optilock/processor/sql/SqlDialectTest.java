package org.optilock.processor.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.optilock.processor.model.SqlDialect;

class SqlDialectTest {

    /** The processor assigns the variable, the runtime reads it: a different name would read NULL. */
    @Test
    void theMysqlVariableIsTheOneTheRuntimeReads() throws Exception {
        Field runtime = Class.forName("org.optilock.runtime.internal.MysqlSupport").getDeclaredField("VERSION_VARIABLE");
        runtime.setAccessible(true);
        assertEquals(runtime.get(null), DialectSql.MYSQL_VARIABLE);
    }

    /** The generated statements are keyed by the runtime's Dialect: the two enums name the same databases. */
    @Test
    void theDialectsAreTheRuntimesExactly() throws ClassNotFoundException {
        Object[] runtime = Class.forName("org.optilock.runtime.Dialect").getEnumConstants();
        assertEquals(Arrays.stream(runtime).map(Object::toString).toList(),
                Arrays.stream(SqlDialect.values()).map(SqlDialect::name).toList());
    }
}
