package org.optilock.benchmarks;

import org.jooq.Name;
import org.jooq.TableField;
import org.jooq.UniqueKey;
import org.jooq.impl.DSL;
import org.jooq.impl.Internal;
import org.jooq.impl.SQLDataType;
import org.jooq.impl.TableImpl;

/** {@code bench_item} as jOOQ's code generator would describe it, written by hand for one table. */
final class ItemTable extends TableImpl<ItemRecord> {

    private static final long serialVersionUID = 1L;

    static final ItemTable ITEM = new ItemTable(DSL.name("bench_item"));

    final TableField<ItemRecord, Long> ID = createField(DSL.name("id"), SQLDataType.BIGINT.nullable(false), this, "");
    final TableField<ItemRecord, String> NAME = createField(DSL.name("name"), SQLDataType.VARCHAR(100), this, "");
    final TableField<ItemRecord, Long> AMOUNT = createField(DSL.name("amount"), SQLDataType.BIGINT.nullable(false), this, "");
    final TableField<ItemRecord, Long> VERSION = createField(DSL.name("version"), SQLDataType.BIGINT.nullable(false), this, "");

    private ItemTable(Name name) {
        super(name);
    }

    @Override
    public Class<ItemRecord> getRecordType() {
        return ItemRecord.class;
    }

    @Override
    public UniqueKey<ItemRecord> getPrimaryKey() {
        return Internal.createUniqueKey(this, DSL.name("bench_item_pkey"), ID);
    }

    @Override
    public TableField<ItemRecord, Long> getRecordVersion() {
        return VERSION;
    }
}
