package com.acme;

import jakarta.persistence.Id;
import java.time.LocalDate;
import org.optilock.VersionField;

public class Profile {
    @Id
    String username;

    String name;
    String email;
    LocalDate lastSeen;

    @VersionField(checkFields = {"name", "email"})
    Integer version;
}
