package org.optilock.it;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import java.time.LocalDate;
import org.optilock.VersionField;

/** A conditional counter: only changes to the name, the e-mail or the logins move the version. */
public class Profile {
    @Id
    String username;

    String name;
    String email;
    int logins;

    @Column(name = "last_seen")
    LocalDate lastSeen;

    @VersionField(checkFields = {"name", "email", "logins"})
    Integer version;

    public Profile() {}

    public Profile(String username, String name, String email) {
        this.username = username;
        this.name = name;
        this.email = email;
    }
}
