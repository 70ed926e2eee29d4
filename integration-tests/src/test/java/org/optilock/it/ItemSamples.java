package org.optilock.it;

import java.util.List;
import java.util.stream.Stream;
import org.optilock.it.Item.Kind;

/** The ten items the query tests read, and their ids as the tests compare them. */
final class ItemSamples {

    private ItemSamples() {}

    /**
     * Saves items 1 to 10: names in mixed case, two without a price (3 and 8), odd ids odd, bits the
     * length of the id in binary, a kind each.
     */
    static void saveTen(Items items) {
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
