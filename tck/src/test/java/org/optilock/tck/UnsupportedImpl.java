package org.optilock.tck;

import javax.sql.DataSource;

/** What a provider that took the TCK's exit would generate. */
public final class UnsupportedImpl implements Unsupported {

    public UnsupportedImpl(DataSource dataSource) {
        // nothing to keep: every method throws
    }

    @Override
    public long count() {
        throw new UnsupportedOperationException("counting is not supported");
    }
}
