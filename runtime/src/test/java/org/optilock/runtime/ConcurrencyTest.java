package org.optilock.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    static class Base {}

    static class Derived extends Base {}

    static class Other {}

    @Test
    void everythingIsOnByDefault() {
        assertTrue(Concurrency.isChecked(Base.class));
        assertTrue(Concurrency.isIncrementing());
    }

    @Test
    void disabledCoversEveryType() {
        Concurrency.disabled(() -> {
            assertFalse(Concurrency.isChecked(Base.class));
            assertFalse(Concurrency.isChecked(Other.class));
            assertTrue(Concurrency.isIncrementing());
        });
        assertTrue(Concurrency.isChecked(Base.class));
    }

    @Test
    void disabledForATypeCoversItsSubclassesOnly() {
        Concurrency.disabled(Base.class, () -> {
            assertFalse(Concurrency.isChecked(Base.class));
            assertFalse(Concurrency.isChecked(Derived.class));
            assertTrue(Concurrency.isChecked(Other.class));
            Concurrency.disabled(Other.class, () -> {
                assertFalse(Concurrency.isChecked(Other.class));
                assertFalse(Concurrency.isChecked(Base.class));
            });
            assertTrue(Concurrency.isChecked(Other.class));
        });
        assertTrue(Concurrency.isChecked(Derived.class));
    }

    @Test
    void withoutIncrementKeepsChecks() {
        Concurrency.withoutIncrement(() -> {
            assertFalse(Concurrency.isIncrementing());
            assertTrue(Concurrency.isChecked(Base.class));
        });
        assertTrue(Concurrency.isIncrementing());
    }

    @Test
    void callableResultsAndCheckedExceptionsPassThrough() throws Exception {
        assertEquals("done", Concurrency.disabled(() -> {
            assertFalse(Concurrency.isChecked(Base.class));
            return "done";
        }));
        IOException thrown = assertThrows(IOException.class, () -> Concurrency.disabled(() -> {
            throw new IOException("disk");
        }));
        assertEquals("disk", thrown.getMessage());
        assertTrue(Concurrency.isChecked(Base.class));
    }

    @Test
    void stateIsRestoredWhenAnExceptionEscapes() {
        assertThrows(IllegalStateException.class, () -> Concurrency.withoutIncrement(() ->
                Concurrency.disabled(Base.class, () -> {
                    throw new IllegalStateException();
                })));
        assertTrue(Concurrency.isChecked(Base.class));
        assertTrue(Concurrency.isIncrementing());
    }

    @Test
    void otherThreadsAreUnaffected() throws InterruptedException {
        AtomicBoolean checkedElsewhere = new AtomicBoolean();
        Concurrency.disabled(() -> {
            Thread other = new Thread(() -> checkedElsewhere.set(Concurrency.isChecked(Base.class)));
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(checkedElsewhere.get());
    }
}
