package org.optilock.it;

import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.LocalDateTime;

/** A {@code LocalDateTime} timestamp version (UTC). */
public class Ledger {
    @Id Long id;
    long balance;
    @Version LocalDateTime version;
}
