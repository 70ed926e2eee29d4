package org.optilock.benchmarks;

import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.exception.DataChangedException;
import org.jooq.impl.DSL;

/** jOOQ's {@code UpdatableRecord} with its optimistic locking on the version column. */
final class JooqRows implements RowContender {

    private final DSLContext sql;

    JooqRows(DataSource dataSource, Database database) {
        this.sql = DSL.using(dataSource, database == Database.H2 ? SQLDialect.H2 : SQLDialect.POSTGRES,
                new Settings().withExecuteWithOptimisticLocking(true).withExecuteLogging(false)
                        .withRenderQuotedNames(RenderQuotedNames.NEVER));
    }

    @Override
    public void update(Item item) {
        ItemRecord record = record(item);
        record.store();
        item.version = record.get(ItemTable.ITEM.VERSION);
    }

    @Override
    public Item find(long id) {
        ItemRecord record = sql.fetchOne(ItemTable.ITEM, ItemTable.ITEM.ID.eq(id));
        Item item = new Item(record.get(ItemTable.ITEM.ID), record.get(ItemTable.ITEM.NAME), record.get(ItemTable.ITEM.AMOUNT));
        item.version = record.get(ItemTable.ITEM.VERSION);
        return item;
    }

    @Override
    public void conflict(Item stale) {
        try {
            record(stale.copy()).store();
            throw new IllegalStateException("a stale copy was written");
        } catch (DataChangedException expected) {
            find(stale.id);
        }
    }

    /** The client's copy as a record jOOQ takes for an existing row whose name and amount changed. */
    private ItemRecord record(Item item) {
        ItemRecord record = sql.newRecord(ItemTable.ITEM);
        record.set(ItemTable.ITEM.ID, item.id);
        record.set(ItemTable.ITEM.NAME, item.name);
        record.set(ItemTable.ITEM.AMOUNT, item.amount);
        record.set(ItemTable.ITEM.VERSION, item.version);
        record.changed(false);
        record.changed(ItemTable.ITEM.NAME, true);
        record.changed(ItemTable.ITEM.AMOUNT, true);
        return record;
    }
}
