package org.optilock.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryTest {

    private static final Retry.Pause NO_PAUSE = next -> { };

    private static RecordModifiedException conflict(int n) {
        return new RecordModifiedException("mine " + n, String.class, 1L, n, "theirs", n + 1);
    }

    @Test
    void runsAgainAfterAConflictAndReturnsTheResult() {
        AtomicInteger calls = new AtomicInteger();
        List<Integer> pauses = new ArrayList<>();

        String result = Retry.onConflict(5, pauses::add, () -> {
            if (calls.incrementAndGet() < 3) {
                throw conflict(calls.get());
            }
            return "saved";
        });

        assertEquals("saved", result);
        assertEquals(3, calls.get());
        assertEquals(List.of(2, 3), pauses, "a pause before each retry, told which try comes next");
    }

    @Test
    void givesUpAfterExactlyTheAttemptsAndThrowsTheLastConflictWithTheEarlierOnesSuppressed() {
        AtomicInteger calls = new AtomicInteger();
        List<RecordModifiedException> thrown = new ArrayList<>();

        RecordModifiedException last = assertThrows(RecordModifiedException.class,
                () -> Retry.onConflict(4, NO_PAUSE, () -> {
                    RecordModifiedException conflict = conflict(calls.incrementAndGet());
                    thrown.add(conflict);
                    throw conflict;
                }));

        assertEquals(4, calls.get());
        assertSame(thrown.get(3), last);
        assertArrayEquals(thrown.subList(0, 3).toArray(), last.getSuppressed());
    }

    @Test
    void batchConflictsAreRetriedToo() {
        AtomicInteger calls = new AtomicInteger();
        Retry.onConflict(2, NO_PAUSE, () -> {
            if (calls.incrementAndGet() == 1) {
                throw new BatchConflictException(List.of(conflict(1)));
            }
            return null;
        });
        assertEquals(2, calls.get());
    }

    @Test
    void anythingElsePassesThroughAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException other = new IllegalStateException("not a conflict");

        assertSame(other, assertThrows(IllegalStateException.class, () -> Retry.onConflict(5, NO_PAUSE, () -> {
            calls.incrementAndGet();
            throw other;
        })));
        assertEquals(1, calls.get());
    }

    @Test
    void anInterruptDuringThePauseEndsTheRetriesAndStaysOnTheThread() {
        AtomicInteger calls = new AtomicInteger();
        try {
            RecordModifiedException last = assertThrows(RecordModifiedException.class,
                    () -> Retry.onConflict(5, next -> {
                        throw new InterruptedException("stop");
                    }, () -> {
                        throw conflict(calls.incrementAndGet());
                    }));
            assertEquals(1, calls.get());
            assertTrue(Thread.currentThread().isInterrupted());
            assertTrue(last.getSuppressed()[0] instanceof InterruptedException);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void lambdasPickTheirOverloadWithoutACast() {
        List<String> log = new ArrayList<>();
        String value = Retry.onConflict(1, () -> "expression lambdas return");
        Retry.onConflict(1, () -> {
            log.add("block lambdas run");
        });
        assertEquals("expression lambdas return", value);
        assertEquals(List.of("block lambdas run"), log);
        assertThrows(IllegalArgumentException.class, () -> Retry.onConflict(0, () -> "never"));
    }
}
