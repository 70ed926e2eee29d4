package org.optilock.it;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Every supported column type, with an {@code OffsetDateTime} version and a primitive identity key. */
@Table(name = "sample")
public class Sample {
    /** Where a sample stands. */
    public enum Status { DRAFT, ACTIVE, RETIRED }

    @Id @GeneratedValue int id;

    boolean flag;
    Boolean boxedFlag;
    byte tiny;
    Byte boxedTiny;
    short small;
    Short boxedSmall;
    char letter;
    Character boxedLetter;
    int number;
    Integer boxedNumber;
    long big;
    Long boxedBig;
    float ratio;
    Float boxedRatio;
    double measure;
    Double boxedMeasure;
    String text;
    BigDecimal amount;
    byte[] payload;
    UUID reference;
    Status status;
    @Enumerated(EnumType.ORDINAL) @Column(name = "status_ordinal") Status statusOrdinal;
    LocalDate birthday;
    LocalDateTime wallClock;
    Instant instant;
    OffsetDateTime offsetTime;
    @Version OffsetDateTime version;
}
