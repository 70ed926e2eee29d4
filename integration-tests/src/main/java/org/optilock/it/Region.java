package org.optilock.it;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * An entity keyed by an enum stored by name: its column holds the key converted, so its DAO says how
 * the key is taken instead of leaving it to the runtime.
 */
@Entity
public class Region {
    /** The four regions a dispatcher covers. */
    public enum Area { NORTH, EAST, SOUTH, WEST }

    @Id
    @Enumerated(EnumType.STRING)
    Area area;

    String manager;

    @Version
    long version;

    public Region() {}

    public Region(Area area, String manager) {
        this.area = area;
        this.manager = manager;
    }
}
