package org.optilock.it;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** An entity of every kind of attribute a query compares: text, a nullable number, a flag, an enum, a char. */
@Entity
public class Item {

    /** What an item is. */
    public enum Kind { TOOL, PART, BOOK }

    @Id long id;
    String name;
    Double price;
    boolean odd;
    Short bits;
    Kind kind;
    char letter;
    @Version long version;

    public Item() {}

    public Item(long id, String name, Double price, Kind kind) {
        this.id = id;
        this.name = name;
        this.price = price;
        this.odd = id % 2 == 1;
        this.bits = (short) Long.toBinaryString(id).length();
        this.kind = kind;
        this.letter = name.charAt(0);
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Double price() {
        return price;
    }

    public long version() {
        return version;
    }

    @Override
    public String toString() {
        return "Item " + id + " " + name;
    }
}
