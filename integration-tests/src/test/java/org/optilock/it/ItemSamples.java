package org.optilock.it;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.optilock.it.Item.Kind;
import org.optilock.it.support.CountingDataSource;
import org.optilock.it.support.DatabaseKind;
import org.optilock.it.support.TestDatabase;

/**
 * What the query tests share: a database of one kind with the ten items saved, a repository on it
 * whose statements are counted from then on, and the items' ids as the tests compare them.
 */
abstract class ItemSamples {

    final TestDatabase database;
    final CountingDataSource counting;
    final Items items;

    ItemSamples(DatabaseKind kind) {
        this.database = TestDatabase.create(kind);
        this.counting = new CountingDataSource(database.dataSource());
        this.items = new ItemsImpl(counting.dataSource());
        saveTen(items);
        counting.reset();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    /**
     * Saves items 1 to 10: names in mixed case, two without a price (3 and 8), odd ids odd, bits the
     * length of the id in binary, a kind each.
     */
    private static void saveTen(Items items) {
        items.saveAll(List.of(
                new Item(1, "anvil", 10.0, Kind.TOOL),
                new Item(2, "Bolt", 0.5, Kind.PART),
                new Item(3, "chisel", null, Kind.TOOL),
                new Item(4, "Drill", 55.0, Kind.TOOL),
                new Item(5, "gear", 3.0, Kind.PART),
                new Item(6, "Guide", 20.0, Kind.BOOK),
                new Item(7, "hammer", 12.0, Kind.TOOL),
                new Item(8, "nut", null, Kind.PART),
                new Item(9, "Novel", 9.0, Kind.BOOK),
                new Item(10, "gearbox", 30.0, Kind.PART)));
    }

    static List<Long> ids(List<Item> items) {
        return items.stream().map(Item::id).toList();
    }

    /** The ids of a stream, which this closes. */
    static List<Long> ids(Stream<Item> items) {
        try (items) {
            return items.map(Item::id).toList();
        }
    }
}
