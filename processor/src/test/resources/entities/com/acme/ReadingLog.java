package com.acme;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

public class ReadingLog {
    public enum Kind { MANUAL, AUTOMATIC }

    @Id
    long logId;

    BigDecimal meterValue;

    Kind readingKind;

    @Enumerated(EnumType.ORDINAL)
    @Column(name = "legacy_kind")
    Kind legacyKind;

    byte[] rawPayload;

    @Version
    OffsetDateTime lastChanged;
}
