package org.optilock.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.data.page.PageRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A page of 50 rows by name (an indexed column) then key, as a list page reads it: the first page,
 * and the 10,000th after the cursor of the row before it (keyset paging: a row comparison, after a
 * range on the name where the database needs one to seek the index). Read through a generated repository, by hand-written JDBC with the SQL the
 * repository runs, and by Hibernate's stateless session with the same query in HQL.
 * Each reads one row more than the page, to know whether there is a next one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PageBenchmarks {

    static final int PAGE = 50;

    private static final String FIRST = "SELECT id, name, amount, version FROM bench_item ORDER BY name, id LIMIT ?";
    /** After a cursor: a row comparison, which PostgreSQL seeks the index by; H2 needs a range on the name first. */
    private static final String AFTER = "SELECT id, name, amount, version FROM bench_item"
            + " WHERE (name, id) > (?, ?) ORDER BY name, id LIMIT ?";
    private static final String AFTER_WITH_RANGE = "SELECT id, name, amount, version FROM bench_item"
            + " WHERE name >= ? AND (name, id) > (?, ?) ORDER BY name, id LIMIT ?";
    private static final String HQL_FIRST = "from Item order by name, id";
    private static final String HQL_AFTER = "from Item where (name, id) > (:name, :id) order by name, id";
    private static final String HQL_AFTER_WITH_RANGE =
            "from Item where name >= :name and (name, id) > (:name, :id) order by name, id";

    /** Who reads the page. */
    public enum Reader { JDBC, REPOSITORY, HIBERNATE }

    @Param({"H2", "POSTGRESQL"})
    public Database database;

    @Param({"JDBC", "REPOSITORY", "HIBERNATE"})
    public Reader contender;

    /** The deep page read; the table holds it and one page more. */
    @Param({"10000"})
    public int deepPage;

    private HikariDataSource pool;
    private Items items;
    private SessionFactory hibernate;
    /** The name and key of the last row of the page before the deep one, which starts after it. */
    private String cursorName;
    private long cursorId;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        pool = database.pool();
        long rows = (long) PAGE * deepPage + PAGE;
        if (rows() != rows) {
            // Seeded once per PostgreSQL server, which every fork of a run shares: each trial then reads
            // a table that was vacuumed and analyzed, as a live one is, not one just filled.
            database.createTable(pool);
            Database.seed(pool, (int) rows);
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE INDEX bench_item_name ON bench_item (name, id)");
                if (database == Database.POSTGRESQL) {
                    statement.execute("VACUUM ANALYZE bench_item");
                }
            }
        }
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT name, id FROM bench_item ORDER BY name, id LIMIT 1 OFFSET "
                        + (PAGE * (deepPage - 1) - 1))) {
            row.next();
            cursorName = row.getString(1);
            cursorId = row.getLong(2);
        }
        items = new ItemsImpl(pool);
        hibernate = HibernateRows.sessions(pool);
    }

    /** How many rows the table has now; -1 when there is none yet. */
    private long rows() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM bench_item")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException none) {
            return -1;
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        hibernate.close();
        pool.close();
    }

    @Benchmark
    public List<Item> firstPage() throws SQLException {
        return switch (contender) {
            case REPOSITORY -> items.byName(PageRequest.ofSize(PAGE).withoutTotal()).content();
            case JDBC -> jdbc(FIRST, null);
            case HIBERNATE -> hibernate(HQL_FIRST, null);
        };
    }

    @Benchmark
    public List<Item> deepPage() throws SQLException {
        return switch (contender) {
            case REPOSITORY -> items.byName(PageRequest.afterCursor(PageRequest.Cursor.forKey(cursorName, cursorId),
                    deepPage, PAGE, false)).content();
            case JDBC -> jdbc(database == Database.H2 ? AFTER_WITH_RANGE : AFTER, cursorName);
            case HIBERNATE -> hibernate(database == Database.H2 ? HQL_AFTER_WITH_RANGE : HQL_AFTER, cursorName);
        };
    }

    /** The page by hand: {@code sql} with the cursor's values where it is after one, PAGE + 1 rows read. */
    private List<Item> jdbc(String sql, String afterName) throws SQLException {
        List<Item> page = new ArrayList<>(PAGE + 1);
        try (Connection connection = pool.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            int next = 1;
            if (afterName != null) {
                if (sql.equals(AFTER_WITH_RANGE)) {
                    statement.setString(next++, afterName);
                }
                statement.setString(next++, afterName);
                statement.setLong(next++, cursorId);
            }
            statement.setInt(next, PAGE + 1);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Item item = new Item(rows.getLong(1), rows.getString(2), rows.getLong(3));
                    item.version = rows.getLong(4);
                    page.add(item);
                }
            }
        }
        return page.size() > PAGE ? page.subList(0, PAGE) : page;
    }

    private List<Item> hibernate(String hql, String afterName) {
        try (StatelessSession session = hibernate.openStatelessSession()) {
            var query = session.createSelectionQuery(hql, Item.class).setMaxResults(PAGE + 1);
            if (afterName != null) {
                query.setParameter("name", afterName).setParameter("id", cursorId);
            }
            List<Item> page = query.getResultList();
            return page.size() > PAGE ? page.subList(0, PAGE) : page;
        }
    }
}
