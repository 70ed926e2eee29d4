package org.optilock.it;

import java.util.Objects;

/** A JavaBean-style composite key: a constructor without parameters and accessors. */
public class SeatId {
    private String hall;
    private int number;

    public SeatId() {}

    public SeatId(String hall, int number) {
        this.hall = hall;
        this.number = number;
    }

    public String getHall() {
        return hall;
    }

    public void setHall(String hall) {
        this.hall = hall;
    }

    public int getNumber() {
        return number;
    }

    public void setNumber(int number) {
        this.number = number;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SeatId that && hall.equals(that.hall) && number == that.number;
    }

    @Override
    public int hashCode() {
        return Objects.hash(hall, number);
    }
}
