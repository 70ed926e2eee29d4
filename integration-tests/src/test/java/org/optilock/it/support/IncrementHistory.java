package org.optilock.it.support;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.optilock.runtime.WriteOutcomeUnknownException;

/**
 * The history of increments that writers made to counters, as a Jepsen-style checker keeps it: each
 * operation on a row ended acknowledged (the DAO returned), failed (it threw, and the write cannot have
 * landed) or in doubt ({@link WriteOutcomeUnknownException}). {@link #check} holds the rows' final
 * totals against it: every acknowledged increment is there, and nothing beyond what was acknowledged
 * or in doubt, so no failed increment landed and none landed twice. Threads record into one history;
 * another process prints its own ({@link #toLine}) for the test to {@link #add} ({@link #parse}).
 */
public final class IncrementHistory {

    /** How one operation ended, as its writer saw it. */
    public enum Result {
        /** The DAO returned: the increment is in the database, and must stay there. */
        ACKNOWLEDGED,
        /** The DAO threw a failure that leaves nothing written. */
        FAILED,
        /** The DAO could not know: it may be in the database, once at most. */
        IN_DOUBT
    }

    private static final String PREFIX = "history ";

    private final Map<String, LongAdder[]> rows = new ConcurrentHashMap<>();

    /** Records that an operation on {@code row} ended as {@code result}. */
    public void record(String row, Result result) {
        rows.computeIfAbsent(row, name -> newCounts())[result.ordinal()].increment();
    }

    private static LongAdder[] newCounts() {
        LongAdder[] counts = new LongAdder[Result.values().length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
        return counts;
    }

    /**
     * Runs {@code increment}, one operation on {@code row}, and records how it ended: acknowledged when
     * it returns, in doubt on a {@link WriteOutcomeUnknownException}, failed on any other exception,
     * which is rethrown.
     */
    public <R> R increment(String row, Supplier<R> increment) {
        try {
            R result = increment.get();
            record(row, Result.ACKNOWLEDGED);
            return result;
        } catch (WriteOutcomeUnknownException e) {
            record(row, Result.IN_DOUBT);
            throw e;
        } catch (RuntimeException e) {
            record(row, Result.FAILED);
            throw e;
        }
    }

    /** The operations on {@code row} that ended as {@code result}. */
    public long count(String row, Result result) {
        LongAdder[] counts = rows.get(row);
        return counts == null ? 0 : counts[result.ordinal()].sum();
    }

    /** The operations of every row that ended as {@code result}. */
    public long count(Result result) {
        return rows.values().stream().mapToLong(counts -> counts[result.ordinal()].sum()).sum();
    }

    /** Adds {@code other}'s operations to this history (another process's, {@link #parse}d). */
    public void add(IncrementHistory other) {
        other.rows.forEach((row, counts) -> {
            for (Result result : Result.values()) {
                rows.computeIfAbsent(row, name -> newCounts())[result.ordinal()].add(counts[result.ordinal()].sum());
            }
        });
    }

    /** One line that {@link #parse} reads back: {@code history a=12/0/1 b=9/2/0} (acknowledged/failed/in doubt). */
    public String toLine() {
        StringBuilder line = new StringBuilder(PREFIX.strip());
        new TreeMap<>(rows).forEach((row, counts) -> line.append(' ').append(row).append('=').append(counts[0].sum())
                .append('/').append(counts[1].sum()).append('/').append(counts[2].sum()));
        return line.toString();
    }

    /** The history in the line among {@code output}'s that {@link #toLine} printed. */
    public static IncrementHistory parse(String output) {
        IncrementHistory history = new IncrementHistory();
        String line = output.lines().filter(l -> l.startsWith(PREFIX) || l.equals(PREFIX.strip())).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalArgumentException("No history in:\n" + output));
        for (String entry : line.substring(PREFIX.strip().length()).strip().split(" ")) {
            if (entry.isEmpty()) {
                continue;
            }
            String[] rowAndCounts = entry.split("=");
            String[] counts = rowAndCounts[1].split("/");
            LongAdder[] adders = history.rows.computeIfAbsent(rowAndCounts[0], name -> newCounts());
            for (int i = 0; i < adders.length; i++) {
                adders[i].add(Long.parseLong(counts[i]));
            }
        }
        return history;
    }

    /**
     * Holds {@code totals}, each row's final number (which started at 0), against this history. For
     * each row, lost = acknowledged − total where that is positive; beyond = total − (acknowledged + in
     * doubt) where positive: an increment that failed yet landed, or landed twice.
     */
    public Check check(Map<String, Long> totals) {
        long lost = 0;
        long beyond = 0;
        long inDoubtApplied = 0;
        for (String row : rows.keySet()) {
            long total = totals.getOrDefault(row, 0L);
            long acknowledged = count(row, Result.ACKNOWLEDGED);
            long inDoubt = count(row, Result.IN_DOUBT);
            lost += Math.max(0, acknowledged - total);
            beyond += Math.max(0, total - acknowledged - inDoubt);
            inDoubtApplied += Math.max(0, Math.min(inDoubt, total - acknowledged));
        }
        for (String row : totals.keySet()) {
            if (!rows.containsKey(row)) {
                beyond += totals.get(row);
            }
        }
        return new Check(count(Result.ACKNOWLEDGED) + count(Result.FAILED) + count(Result.IN_DOUBT),
                count(Result.ACKNOWLEDGED), count(Result.FAILED), count(Result.IN_DOUBT), inDoubtApplied, lost, beyond);
    }

    /**
     * What {@link #check} found.
     *
     * @param operations every operation recorded
     * @param acknowledged those the DAO returned from
     * @param failed those that threw a failure leaving nothing written
     * @param inDoubt those whose outcome was unknown
     * @param inDoubtApplied of those in doubt, how many the totals show landed
     * @param lost acknowledged increments missing from the totals: must be 0
     * @param beyond increments in the totals beyond those acknowledged or in doubt (a failed one landed, or
     *     one landed twice): must be 0
     */
    public record Check(long operations, long acknowledged, long failed, long inDoubt, long inDoubtApplied, long lost,
            long beyond) {

        /** Whether nothing acknowledged was lost and nothing landed that should not have. */
        public boolean holds() {
            return lost == 0 && beyond == 0;
        }

        @Override
        public String toString() {
            return operations + " operations: " + acknowledged + " acknowledged, " + failed + " failed, " + inDoubt
                    + " in doubt (" + inDoubtApplied + " of them landed); " + lost + " acknowledged lost, " + beyond
                    + " landed beyond the acknowledged and in doubt";
        }
    }
}
