package org.optilock.micrometer;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** An account whose balance several writers move. */
@Entity
public class Account {
    @Id String name;
    long balance;
    @Version long version;

    public Account() {}

    Account(String name) {
        this.name = name;
    }
}
