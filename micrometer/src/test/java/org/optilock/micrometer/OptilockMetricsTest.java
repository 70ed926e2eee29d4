package org.optilock.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.optilock.runtime.BatchPolicy;
import org.optilock.runtime.ConcurrentWriteException;
import org.optilock.runtime.DataAccessException;
import org.optilock.runtime.OptilockSettings;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.Retry;
import org.optilock.runtime.Schema;

/** Each meter of {@link OptilockMetrics}, from real writes on an embedded H2 database. */
class OptilockMetricsTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Retry.Pause NO_PAUSE = next -> { };

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private JdbcDataSource dataSource;
    private AccountDao accounts;

    @BeforeEach
    void createTable() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:metrics" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        Schema.create(dataSource, Account.class);
        accounts = new AccountDao(dataSource, new OptilockMetrics(registry).settings(OptilockSettings.DEFAULTS));
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    @Test
    void writesAreTimedByOperationAndOutcome() {
        accounts.insert(new Account("a"));
        Account stale = accounts.findById("a").orElseThrow();
        accounts.update(accounts.findById("a").orElseThrow());
        accounts.update(accounts.findById("a").orElseThrow());
        assertThrows(RecordModifiedException.class, () -> accounts.update(stale));

        assertEquals(1, writes("insert", "success"));
        assertEquals(2, writes("update", "success"));
        assertEquals(1, writes("update", "conflict"));
        assertEquals(1, count("optilock.conflicts", "operation", "update", "cause", "version"));
        assertTrue(registry.get("optilock.writes").tags("operation", "update", "outcome", "success").timer()
                .totalTime(TimeUnit.NANOSECONDS) > 0);
    }

    @Test
    void batchesRecordTheirSizeAndTheirConflictingRows() {
        List<Account> rows = accounts.insertAll(List.of(new Account("a"), new Account("b"), new Account("c")));
        accounts.update(accounts.findById("b").orElseThrow());
        accounts.updateAll(rows, BatchPolicy.SILENT);

        DistributionSummary sizes = registry.get("optilock.batch.rows").tags("operation", "updateAll").summary();
        assertEquals(1, sizes.count());
        assertEquals(3, sizes.totalAmount());
        assertEquals(1, registry.get("optilock.batch.conflicts").tags("operation", "updateAll").summary().totalAmount());
        assertEquals(3, registry.get("optilock.batch.rows").tags("operation", "insertAll").summary().totalAmount());
        assertEquals(1, count("optilock.conflicts", "operation", "updateAll", "cause", "version"));
        assertEquals(1, writes("updateAll", "conflict"));
    }

    @Test
    void mergesAndRetriesCountTheirResolutions() {
        accounts.insert(new Account("a"));
        Account base = accounts.findById("a").orElseThrow();
        Account mine = accounts.findById("a").orElseThrow();
        mine.balance = 5;
        accounts.merge(base, mine, accounts.findById("a").orElseThrow());

        AtomicInteger tries = new AtomicInteger();
        Retry.onConflict(3, NO_PAUSE, () -> {
            Account account = accounts.findById("a").orElseThrow();
            if (tries.incrementAndGet() == 1) {
                accounts.update(accounts.findById("a").orElseThrow());
            }
            account.balance++;
            return accounts.update(account);
        });
        Account stale = accounts.findById("a").orElseThrow();
        accounts.update(accounts.findById("a").orElseThrow());
        assertThrows(RecordModifiedException.class, () -> Retry.onConflict(2, NO_PAUSE, () -> accounts.update(stale)));

        assertEquals(1, count("optilock.conflict.resolutions", "resolution", "merged"));
        assertEquals(1, count("optilock.conflict.resolutions", "resolution", "retried"));
        assertEquals(1, count("optilock.conflict.resolutions", "resolution", "exhausted"));
        assertEquals(3, count("optilock.conflicts", "operation", "update", "cause", "version"),
                "one conflict before the retry won, two before it gave up");
    }

    @Test
    void aRefusedCommitIsAConcurrentWriteAndOtherFailuresCountByKind() {
        accounts.insert(new Account("a"));
        AccountDao certifying = new AccountDao(failingCommits(dataSource),
                new OptilockMetrics(registry).settings(OptilockSettings.DEFAULTS));
        assertThrows(ConcurrentWriteException.class, () -> certifying.update(accounts.findById("a").orElseThrow()));
        assertThrows(DataAccessException.class, () -> accounts.insert(new Account("a")));

        assertEquals(1, count("optilock.conflicts", "operation", "update", "cause", "concurrent-write"));
        assertEquals(1, writes("update", "concurrent-write"));
        assertEquals(1, count("optilock.failures", "operation", "insert", "kind", "duplicate-key"));
        assertNull(registry.find("optilock.failures").tags("kind", "concurrent-write").counter(),
                "a concurrent write with its row is a conflict, not a failure");
    }

    @Test
    void aDaoWithoutTheMetricsRecordsNothing() {
        AccountDao plain = new AccountDao(dataSource);
        plain.insert(new Account("a"));
        plain.update(plain.findById("a").orElseThrow());
        assertEquals(List.of(), registry.getMeters());
    }

    @Test
    void withAnObservationRegistryEachWriteIsAnObservationAroundItsStatements() {
        ObservationRegistry observations = ObservationRegistry.create();
        List<Observation.Context> stopped = new ArrayList<>();
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        List<Observation> currentAtStatements = new ArrayList<>();
        AccountDao traced = new AccountDao(watching(dataSource, observations, currentAtStatements),
                new OptilockMetrics(registry, observations).settings(OptilockSettings.DEFAULTS));

        traced.insert(new Account("a"));
        Account stale = traced.findById("a").orElseThrow();
        traced.update(traced.findById("a").orElseThrow());
        assertThrows(RecordModifiedException.class, () -> traced.update(stale));

        assertEquals(List.of("insert Account success", "update Account success", "update Account conflict"),
                stopped.stream().map(context -> context.getContextualName() + " "
                        + context.getLowCardinalityKeyValue("outcome").getValue()).toList());
        assertTrue(stopped.stream().allMatch(context -> context.getName().equals("optilock.write")
                && context.getLowCardinalityKeyValue("entity").getValue().equals("Account")));
        assertTrue(currentAtStatements.get(0) != null, "the insert ran inside its observation");
        assertNull(observations.getCurrentObservation(), "no scope is left open");
        assertEquals(1, writes("update", "conflict"));
    }

    private double writes(String operation, String outcome) {
        return registry.get("optilock.writes").tags("entity", "Account", "operation", operation, "outcome", outcome)
                .timer().count();
    }

    private double count(String meter, String... tags) {
        return registry.get(meter).tag("entity", "Account").tags(tags).counter().count();
    }

    /** {@code target}, whose connections come out of auto-commit and whose commit fails as a lost certification. */
    private static DataSource failingCommits(DataSource target) {
        return proxy(DataSource.class, target, (name, result) -> {
            if (!name.equals("getConnection")) {
                return result;
            }
            Connection connection = (Connection) result;
            connection.setAutoCommit(false);
            return proxy(Connection.class, connection, (method, value) -> value, "commit", () -> {
                connection.rollback();
                throw new SQLException("Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);
            });
        });
    }

    /** {@code target}, noting the current observation each time a statement is prepared. */
    private static DataSource watching(DataSource target, ObservationRegistry observations, List<Observation> current) {
        return proxy(DataSource.class, target, (name, result) -> name.equals("getConnection")
                ? proxy(Connection.class, (Connection) result, (method, value) -> {
                    if (method.equals("prepareStatement")) {
                        current.add(observations.getCurrentObservation());
                    }
                    return value;
                }, "", null)
                : result);
    }

    private interface After {
        Object apply(String method, Object result) throws SQLException;
    }

    private interface Instead {
        void run() throws SQLException;
    }

    private static <T> T proxy(Class<T> type, T target, After after) {
        return proxy(type, target, after, "", null);
    }

    /** {@code target}, each call's result passed through {@code after}; {@code instead} runs in place of {@code replaced}. */
    private static <T> T proxy(Class<T> type, T target, After after, String replaced, Instead instead) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getName().equals(replaced)) {
                instead.run();
                return null;
            }
            try {
                return after.apply(method.getName(), method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
