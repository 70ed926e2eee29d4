package org.optilock.lombok.processorfirst;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import lombok.Value;
import lombok.With;

/** Lombok's {@code @Value}: private final fields, getters, and a constructor that takes them all. */
@Entity
@Value
@With
public class ValueNote {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String text;

    @Version
    long version;
}
