package com.acme;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.optilock.Strategy;
import org.optilock.VersionField;

public class Ticket {
    @Id
    @GeneratedValue
    Long id;

    String title;

    @VersionField(strategy = Strategy.TRIGGER, triggerName = "ticket_bump")
    long version;
}
