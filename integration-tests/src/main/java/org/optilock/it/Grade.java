package org.optilock.it;

import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A record keyed by a {@code char}, which its column holds as text: its DAO says how the key is taken. */
public record Grade(@Id char letter, String meaning, @Version int version) {}
