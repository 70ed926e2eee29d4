package org.optilock.benchmarks;

import org.jooq.impl.UpdatableRecordImpl;

/** A row of {@link ItemTable}. */
public final class ItemRecord extends UpdatableRecordImpl<ItemRecord> {

    private static final long serialVersionUID = 1L;

    /** jOOQ creates records through this constructor. */
    public ItemRecord() {
        super(ItemTable.ITEM);
    }
}
