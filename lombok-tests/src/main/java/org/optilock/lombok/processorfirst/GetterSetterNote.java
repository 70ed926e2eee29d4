package org.optilock.lombok.processorfirst;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import lombok.Getter;
import lombok.Setter;

/** Private fields, accessors from Lombok's {@code @Getter} and {@code @Setter}. */
@Entity
@Getter
@Setter
public class GetterSetterNote {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String text;

    @Version
    private long version;
}
