package org.optilock.it;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A record without a version, with a key the caller assigns. */
@Entity
public record Label(@Id String code, String text) {}
