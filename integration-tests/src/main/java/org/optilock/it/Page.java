package org.optilock.it;

import jakarta.persistence.Id;
import java.time.Instant;
import org.optilock.Strategy;
import org.optilock.VersionField;

/** A conditional timestamp on a record: every change but the view count moves the version. */
public record Page(@Id long id, String title, long views,
        @VersionField(strategy = Strategy.TIMESTAMP, ignoreFields = "views") Instant version) {

    public Page withTitle(String newTitle) {
        return new Page(id, newTitle, views, version);
    }

    public Page withViews(long newViews) {
        return new Page(id, title, newViews, version);
    }
}
