package org.optilock.it;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import org.optilock.Strategy;
import org.optilock.VersionField;

/** A composite key with a trigger-maintained version: the trigger matches every key column. */
@Entity
@IdClass(SeatId.class)
public class Seat {
    @Id
    String hall;

    @Id
    int number;

    String holder;

    @VersionField(strategy = Strategy.TRIGGER)
    int version;

    public Seat() {}

    public Seat(String hall, int number, String holder) {
        this.hall = hall;
        this.number = number;
        this.holder = holder;
    }
}
