package org.optilock.lombok.processorfirst;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import lombok.Data;

/** Lombok's {@code @Data}: accessors, equals, hashCode and toString. */
@Entity
@Data
public class DataNote {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String text;

    private boolean pinned;

    @Version
    private long version;
}
