package org.optilock.it;

import jakarta.persistence.Entity;

/** Inherits a {@code String} key and a timestamp version from a plain generic superclass. */
@Entity
public class Shipment extends Keyed<String> {
    String destination;

    public Shipment() {}

    public Shipment(String code, String destination) {
        this.code = code;
        this.destination = destination;
    }
}
