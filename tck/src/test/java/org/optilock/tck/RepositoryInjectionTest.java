package org.optilock.tck;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The harness's own check: a repository that throws UnsupportedOperationException fails the test,
 * even one that catches it as the TCK does. Tagged as the profile the TCK's tests are selected by.
 */
@Tag("standalone")
@Tag("persistence")
class RepositoryInjectionTest {

    /** A test as the TCK writes them: the exception caught and taken as a pass. */
    static final class TakesTheExit {
        @Inject
        Unsupported repository;

        void run() {
            try {
                repository.count();
            } catch (UnsupportedOperationException x) {
                // the TCK's test would return here, passed
            }
        }
    }

    @Test
    void aTestDuringWhichARepositoryThrewUnsupportedOperationExceptionFails() throws Exception {
        RepositoryInjection injection = new RepositoryInjection();
        TakesTheExit test = new TakesTheExit();
        ExtensionContext context = null; // neither callback reads it
        injection.postProcessTestInstance(test, context);
        test.run();
        AssertionError failure = assertThrows(AssertionError.class, () -> injection.afterEach(context));
        assertTrue(failure.getMessage().contains("Unsupported.count: counting is not supported"), failure.getMessage());
        injection.afterEach(context); // and the next test starts clean
    }
}
