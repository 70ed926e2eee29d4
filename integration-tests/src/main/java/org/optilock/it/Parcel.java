package org.optilock.it;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * A hand-written immutable class: every field final and private, read through getters, and a
 * constructor that names its parameters in another order than the fields are declared.
 */
@Entity
public final class Parcel {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private final Long id;

    private final String label;

    private final int weight;

    @Version
    private final long version;

    public Parcel(String label, int weight, Long id, long version) {
        this.id = id;
        this.label = label;
        this.weight = weight;
        this.version = version;
    }

    /** A new parcel, not yet inserted. */
    public static Parcel of(String label, int weight) {
        return new Parcel(label, weight, null, 0);
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public int getWeight() {
        return weight;
    }

    public long getVersion() {
        return version;
    }

    /** This parcel with another label. */
    public Parcel relabelled(String newLabel) {
        return new Parcel(newLabel, weight, id, version);
    }
}
