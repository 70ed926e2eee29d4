package org.optilock.it;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** An entity without a version, with a generated key: written by key alone, through its repository. */
@Entity
public class Tag {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String name;
    int uses;

    public Tag() {}

    public Tag(String name, int uses) {
        this.name = name;
        this.uses = uses;
    }
}
