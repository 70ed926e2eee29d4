package org.optilock.examples.modular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ModularExampleTest {

    @Test
    void theExampleRunsInItsNamedModule() {
        Module module = ModularExample.class.getModule();
        assertTrue(module.isNamed(), "the example runs as a named module");
        assertEquals("org.optilock.examples.modular", module.getName());
        assertEquals("org.optilock.runtime", org.optilock.runtime.RecordModifiedException.class.getModule().getName());
    }

    @Test
    void aStaleSaveIsRefusedInANamedModule() throws SQLException {
        assertEquals("Bob's stale save was refused; the task is at version 2: Write the release notes for 1.0",
                ModularExample.run("jdbc:h2:mem:modular-test;DB_CLOSE_DELAY=-1"));
    }
}
