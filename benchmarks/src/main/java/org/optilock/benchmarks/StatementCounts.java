package org.optilock.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How many statements one operation of each contender sends, counted on a real database. */
final class StatementCounts {

    private StatementCounts() {}

    /** For each contender, the statements of one update, one read by key and one conflict. */
    static Map<Contender, int[]> singleRow(Database database) {
        Map<Contender, int[]> counts = new LinkedHashMap<>();
        for (Contender contender : Contender.values()) {
            try (HikariDataSource pool = database.open()) {
                List<Item> items = Database.seed(pool, 2);
                StatementCounter counter = new StatementCounter(pool);
                try (RowContender rows = contender.open(counter.dataSource(), database)) {
                    // A first call of each kind warms caches a framework fills once (metadata, types).
                    Item first = items.get(0);
                    first.amount++;
                    rows.update(first);
                    rows.find(1);
                    counter.take();
                    Item item = items.get(1);
                    item.amount++;
                    rows.update(item);
                    int update = counter.take();
                    rows.find(2);
                    int find = counter.take();
                    Item stale = item.copy();
                    stale.version = 0;
                    rows.conflict(stale);
                    int conflict = counter.take();
                    counts.put(contender, new int[] {update, find, conflict});
                }
            }
        }
        return counts;
    }

    /** For each side, the statements of updateAll, deleteAll and insertAll of {@code rows} rows. */
    static Map<BatchSide, int[]> batches(Database database, int rows) {
        Map<BatchSide, int[]> counts = new LinkedHashMap<>();
        for (BatchSide side : BatchSide.values()) {
            try (HikariDataSource pool = database.open()) {
                StatementCounter counter = new StatementCounter(pool);
                BatchContender<Item> batches = side.open(counter.dataSource());
                // Warms the column types Optilock reads once per database and statement on PostgreSQL.
                List<Item> warm = Database.seed(pool, rows);
                batches.updateAll(warm);
                batches.deleteAll(warm);
                batches.insertAll(warm);
                List<Item> items = Database.seed(pool, rows);
                counter.take();
                batches.updateAll(items);
                int update = counter.take();
                batches.deleteAll(items);
                int delete = counter.take();
                batches.insertAll(items);
                int insert = counter.take();
                counts.put(side, new int[] {update, delete, insert});
            }
        }
        return counts;
    }
}
