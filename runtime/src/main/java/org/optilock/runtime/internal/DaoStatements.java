package org.optilock.runtime.internal;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.optilock.runtime.Dialect;

/**
 * Every statement of one generated DAO as data: its SQL text, and what each {@code ?} binds, so that
 * {@link AbstractVersionedDao} runs every operation and the DAO only says how its columns are bound
 * and read. Built once, in the DAO's static initializer, by {@link #of} and the calls after it, and
 * only read from then on: the DAO holds it in a {@code static final} field, which publishes it whole.
 *
 * <p>A parameter is a column of the entity, numbered as the SELECTs list its columns (from 1), or
 * one of the negative codes {@link #NEW_VERSION}, {@link #EXPECTED_VERSION}, {@link #EXPECTED_UNSET}
 * and {@link #INCREMENT}. A DAO states each statement's parameters as one text, each column as its
 * number and name and each code as its name, separated by commas: {@code "2 title, NEW_VERSION, 1 id,
 * EXPECTED_VERSION"}. It is read here once, and a column whose name is not the one under its number
 * is refused.
 */
public final class DaoStatements {

    /** The statements of every DAO whose class was initialized, by entity, for {@code Schema.verify}. */
    private static final Map<Class<?>, DaoStatements> REGISTERED = new ConcurrentHashMap<>();

    /** The version the write gives the row, computed before the write. */
    public static final int NEW_VERSION = -1;
    /** The version that was read: the row must still have it. */
    public static final int EXPECTED_VERSION = -2;
    /** 1 when the version that was read is unset (null, or 0), to match a row whose version is NULL; else 0. */
    public static final int EXPECTED_UNSET = -3;
    /** How far a counter the database moves goes: 1, or 0 under {@code Concurrency.withoutIncrement}. */
    public static final int INCREMENT = -4;

    /**
     * One statement: its text, and what each of its parameters binds, in order.
     *
     * @param sql the text, every value a {@code ?}
     * @param parameters a column number or a negative code for each {@code ?}
     */
    public record Statement(String sql, int[] parameters) {

        /**
         * Equal to a statement of the same text and parameters, not only to itself: the forms made of a
         * statement are kept by it ({@link MultiRowInsert}, {@link MultiRowDelete}, SQLite's numbered
         * UPDATE), and the statement they are made from is derived anew by each DAO instance, and for
         * SQLite's UPDATE by each batch. By identity, each of those would add an entry.
         */
        @Override
        public boolean equals(Object other) {
            return other instanceof Statement that && sql.equals(that.sql) && Arrays.equals(parameters, that.parameters);
        }

        @Override
        public int hashCode() {
            return 31 * sql.hashCode() + Arrays.hashCode(parameters);
        }

        @Override
        public String toString() {
            return sql + " " + Arrays.toString(parameters);
        }

        /** Whether one of the parameters is {@code code}. */
        boolean binds(int code) {
            return Arrays.stream(parameters).anyMatch(parameter -> parameter == code);
        }

        /**
         * This statement with each value bound once where it binds one more than once, as a conditional
         * version's UPDATE binds each checked column twice (to compare, then to set): every {@code ?}
         * numbered, {@code ?1}, {@code ?2}, one number for each distinct parameter in the order they
         * first come, which SQLite and H2 read. This statement itself where no parameter repeats.
         */
        Statement eachValueBoundOnce() {
            int[] distinct = Arrays.stream(parameters).distinct().toArray();
            if (distinct.length == parameters.length) {
                return this;
            }
            List<Integer> numbers = Arrays.stream(distinct).boxed().toList();
            StringBuilder numbered = new StringBuilder(sql.length() + 2 * parameters.length);
            int from = 0;
            for (int parameter : parameters) {
                int at = SqlTokens.outsideQuotes(sql, "?", from);
                if (at < 0) {
                    return this;
                }
                numbered.append(sql, from, at + 1).append(1 + numbers.indexOf(parameter));
                from = at + 1;
            }
            if (SqlTokens.outsideQuotes(sql, "?", from) >= 0) {
                return this;
            }
            return new Statement(numbered.append(sql, from, sql.length()).toString(), distinct);
        }
    }

    /**
     * An UPDATE of one row: {@code plain} when the version is computed before the write and the row
     * count says whether the row matched; else one statement per dialect that reports the version
     * the database gave the row ({@code RETURNING}, H2's {@code FINAL TABLE}, or on MySQL a user
     * variable read by {@link MysqlSupport}).
     */
    record Update(Statement plain, Map<Dialect, Statement> readingBack, boolean bindsNewVersion, int[] columns) {

        /** The update of {@code plain}, or when that is {@code null} of one statement per dialect. */
        static Update of(Statement plain, Map<Dialect, Statement> readingBack) {
            Statement any = plain != null ? plain : readingBack.values().iterator().next();
            // Every column but the version, each once: an update sets each updated column and names the key.
            int[] columns = Arrays.stream(any.parameters()).filter(parameter -> parameter > 0).distinct().toArray();
            return new Update(plain, plain != null ? null : Map.copyOf(readingBack), any.binds(NEW_VERSION), columns);
        }

        boolean isPlain() {
            return plain != null;
        }

        Statement of(Dialect dialect) {
            return plain != null ? plain : readingBack.get(dialect);
        }
    }

    final Class<?> entityType;
    final String name;
    final VersionType versionType;
    final KeyType keyType;
    /** The columns as the SELECTs list them, so that column {@code n} is {@code columns.get(n - 1)}. */
    final List<String> columns;
    /** 1, 2, ... n: where the SELECTs of the DAO put each column. */
    final int[] selectOrder;
    /** The entity's element collections, each a table of its own. */
    final List<ElementCollection<?, ?>> collections = new ArrayList<>();
    Statement insert;
    Statement insertWithKey;
    String[] generatedKeyColumns;
    private Statement update;
    private final Map<Dialect, Statement> updateReadingBack = new EnumMap<>(Dialect.class);
    private Statement updateUnchecked;
    private final Map<Dialect, Statement> updateUncheckedReadingBack = new EnumMap<>(Dialect.class);
    Statement updateRows;
    String updateRowsTypes;
    Statement delete;
    Statement deleteRows;
    String deleteRowsTypes;
    Statement deleteUnchecked;
    String selectById;
    String selectAll;
    String selectVersion;
    String selectByIdAndVersion;
    TriggerTarget trigger;

    private DaoStatements(Class<?> entityType, VersionType versionType, KeyType keyType, List<String> columns) {
        this.entityType = Objects.requireNonNull(entityType, "entityType");
        this.name = entityType.getSimpleName();
        this.versionType = Objects.requireNonNull(versionType, "versionType");
        this.keyType = Objects.requireNonNull(keyType, "keyType");
        this.columns = List.copyOf(columns);
        this.selectOrder = IntStream.rangeClosed(1, columns.size()).toArray();
    }

    /**
     * The statements of the DAO of {@code entityType}, the class conflicts name, whose version is a
     * {@code versionType}, whose key is a {@code keyType}, and whose SELECTs list {@code columns} in
     * this order.
     */
    public static DaoStatements of(Class<?> entityType, VersionType versionType, KeyType keyType, String... columns) {
        DaoStatements statements = new DaoStatements(entityType, versionType, keyType, List.of(columns));
        // Complete once the DAO's static initializer ends, before anyone can ask for its entity.
        REGISTERED.put(entityType, statements);
        return statements;
    }

    /** The statements of {@code entityType}'s DAO, initializing it where that has not happened yet. */
    static DaoStatements registered(Class<?> entityType) {
        TableDefinition.of(entityType);
        DaoStatements statements = REGISTERED.get(entityType);
        if (statements == null) {
            throw new IllegalArgumentException(entityType.getName() + " is not the entity its DAO names in conflicts");
        }
        return statements;
    }

    /** The numbers of the key's columns, in order: those the DELETE by key binds. */
    int[] keyColumns() {
        return deleteUnchecked.parameters();
    }

    /** The version column: the one column no update sets from the entity; none for an unversioned entity. */
    Optional<String> versionColumn() {
        int number = versionNumber();
        return number == 0 ? Optional.empty() : Optional.of(columns.get(number - 1));
    }

    /** The number of the version column as the SELECTs list it, from 1; 0 for an unversioned entity. */
    int versionNumber() {
        if (versionType == VersionType.NONE) {
            return 0;
        }
        int[] others = uncheckedUpdate().columns();
        for (int column = 1; column <= columns.size(); column++) {
            int number = column;
            if (Arrays.stream(others).noneMatch(other -> other == number)) {
                return number;
            }
        }
        throw new IllegalStateException(name + " has no version column");
    }

    /**
     * {@code checked} for rows whose version is set: without the clause that lets a NULL version in
     * the row match an unset one in the entity, {@code (v = ? OR (v IS NULL AND ? = 1))} becoming
     * {@code v = ?}. It matches the same rows, since that clause only ever matches an unset version;
     * it is the statement a careful programmer writes, and MariaDB runs it faster: a JDBC batch of
     * 1,000 updates took 9 % less. A single UPDATE that reads the new version back (a {@code TRIGGER}
     * or conditional version, one statement per database) keeps the full condition; a batch of them
     * takes this one too. {@code checked} itself where it has no such clause.
     */
    Statement forSetVersions(Statement checked) {
        Optional<String> version = versionColumn();
        if (checked == null || version.isEmpty() || !checked.binds(EXPECTED_UNSET)) {
            return checked;
        }
        String column = version.get();
        String unsetMatch = "(" + column + " = ? OR (" + column + " IS NULL AND ? = 1))";
        String sql = checked.sql();
        int at = sql.indexOf(unsetMatch);
        if (at < 0 || sql.indexOf(unsetMatch, at + 1) >= 0) {
            return checked;
        }
        return new Statement(sql.substring(0, at) + column + " = ?" + sql.substring(at + unsetMatch.length()),
                Arrays.stream(checked.parameters()).filter(parameter -> parameter != EXPECTED_UNSET).toArray());
    }

    /**
     * {@code checked}, an UPDATE whose database moves a conditional version by a bound {@link
     * #INCREMENT}, with the increment written as {@code 1}: for the updates that move the version, all
     * but those in {@link org.optilock.runtime.Concurrency#withoutIncrement}, which bind 0. One
     * parameter fewer a row, which SQLite's driver binds in a call to native code of its own: a batch
     * of 10,000 conditional rows there went from 1.06 of the hand-written batch's time to 1.02 (see
     * docs/performance.md). {@code checked} itself where it binds no increment, or not in the one
     * place the processor writes it.
     */
    Statement incrementingByOne(Statement checked) {
        Optional<String> version = versionColumn();
        if (checked == null || version.isEmpty()) {
            return checked;
        }
        String moved = "COALESCE(" + version.get() + ", 0) + ";
        return writtenIn(checked, INCREMENT, moved + "?", moved + "1");
    }

    /**
     * {@code checked}, a plain checked UPDATE with the condition {@code version = ?} alone ({@link
     * #forSetVersions}), with the counter it writes moved by the database: {@code version = version + 1}
     * in place of the bound {@link #NEW_VERSION}. The condition holds only on a row at the version
     * expected, so the row gets the same version the runtime computes (and refuses at the counter's
     * largest value) before the write. One parameter fewer a row, which SQLite's driver binds in a call
     * to native code of its own. {@code checked} itself for a version that is not a counter, or whose
     * new version is not bound in the one place the processor writes it.
     */
    Statement movingCounterByOne(Statement checked) {
        Optional<String> version = versionColumn();
        if (checked == null || version.isEmpty() || checked.binds(EXPECTED_UNSET) || !checked.sql().startsWith("UPDATE ")
                || !versionType.isCounter()) {
            return checked;
        }
        String column = " " + version.get() + " = ";
        return writtenIn(checked, NEW_VERSION, column + "?", column + version.get() + " + 1");
    }

    /**
     * {@code insert}, the INSERT of one row, with a counter's first version written as {@code 1} in
     * place of the bound {@link #NEW_VERSION}: a new row's counter always starts at 1 ({@link
     * VersionType#initial}), as a hand-written INSERT writes it. One parameter fewer a row: on MariaDB
     * a batch of 1,000 inserts that bound it took 2 % longer than the hand-written batch that writes
     * the 1 (see docs/performance.md). {@code insert} itself for a version that is not a counter, or
     * whose first version is not bound once among the row's values.
     */
    Statement startingCounterAtOne(Statement insert) {
        if (insert == null || !insert.sql().startsWith("INSERT ") || !versionType.isCounter()) {
            return insert;
        }
        return writtenIn(insert, NEW_VERSION, "?", "1");
    }

    /**
     * {@code statement} with its one parameter {@code code} written into its text: {@code written} in
     * place of {@code bound}, a piece of the text that ends with that parameter's {@code ?}, and the
     * parameter gone from the list. {@code statement} itself where it binds {@code code} not once, or
     * no {@code bound} outside quotes ends with that parameter's {@code ?}.
     */
    private static Statement writtenIn(Statement statement, int code, String bound, String written) {
        int[] parameters = statement.parameters();
        int index = -1;
        for (int p = 0; p < parameters.length; p++) {
            if (parameters[p] == code) {
                if (index >= 0) {
                    return statement;
                }
                index = p;
            }
        }
        String sql = statement.sql();
        for (int at = index < 0 ? -1 : SqlTokens.outsideQuotes(sql, bound, 0); at >= 0;
                at = SqlTokens.outsideQuotes(sql, bound, at + bound.length())) {
            // The parameter's ? is the one this piece ends with: as many ? before it as parameters before it.
            if (parametersBefore(sql, at + bound.length() - 1) == index) {
                int[] others = new int[parameters.length - 1];
                System.arraycopy(parameters, 0, others, 0, index);
                System.arraycopy(parameters, index + 1, others, index, others.length - index);
                return new Statement(sql.substring(0, at) + written + sql.substring(at + bound.length()), others);
            }
        }
        return statement;
    }

    /** How many parameters {@code sql} has before {@code end}: its {@code ?} there outside quotes. */
    private static int parametersBefore(String sql, int end) {
        int count = 0;
        for (int at = SqlTokens.outsideQuotes(sql, "?", 0); at >= 0 && at < end; at = SqlTokens.outsideQuotes(sql, "?", at + 1)) {
            count++;
        }
        return count;
    }

    /**
     * A write of many rows in one statement over arrays, on PostgreSQL: the statement, whose
     * parameters are those of the one-row statement it is made of, and the query of its arrays' types.
     */
    record ArrayWrite(Statement statement, String types) {}

    /** The checked UPDATE of many rows over arrays. */
    ArrayWrite updateRows() {
        return new ArrayWrite(updateRows, updateRowsTypes);
    }

    /** The checked DELETE of many rows over arrays. */
    ArrayWrite deleteRows() {
        return new ArrayWrite(deleteRows, deleteRowsTypes);
    }

    /**
     * {@code rows}, a write over arrays, for rows whose version is set, as {@link #forSetVersions(Statement)}
     * makes a one-row statement: the condition {@code t.v = v.optilock_k} alone, without the last array,
     * which only said whether each row's version was unset. {@code rows} itself where it is not of that
     * shape.
     */
    ArrayWrite forSetVersions(ArrayWrite rows) {
        Optional<String> version = versionColumn();
        if (rows.statement() == null || version.isEmpty()) {
            return rows;
        }
        int[] parameters = rows.statement().parameters();
        int unset = parameters.length;
        int expected = Arrays.stream(parameters).boxed().toList().indexOf(EXPECTED_VERSION) + 1;
        if (unset == 0 || parameters[unset - 1] != EXPECTED_UNSET || expected == 0) {
            return rows;
        }
        String column = "t." + version.get();
        String sql = rows.statement().sql();
        String condition = "(" + column + " = v.optilock_" + expected + " OR (" + column + " IS NULL AND v.optilock_"
                + unset + " = 1))";
        String arrays = "unnest(" + String.join(", ", Collections.nCopies(unset, "?")) + ")";
        String names = "optilock_" + unset + ", optilock_row)";
        String types = rows.types();
        int lastType = types.lastIndexOf(", 1 FROM ");
        if (!sql.contains(condition) || !sql.contains(arrays) || !sql.contains(names) || lastType < 0) {
            return rows;
        }
        String simpler = sql.replace(condition, column + " = v.optilock_" + expected)
                .replace(arrays, "unnest(" + String.join(", ", Collections.nCopies(unset - 1, "?")) + ")")
                .replace(names, "optilock_row)");
        return new ArrayWrite(new Statement(simpler, Arrays.copyOf(parameters, unset - 1)),
                types.substring(0, lastType) + types.substring(lastType + ", 1".length()));
    }

    /**
     * The statement {@code sql} binding {@code parameters}: for each {@code ?} in order, a column as
     * its number and name ({@code "2 title"}) or a code ({@code NEW_VERSION}, {@code EXPECTED_VERSION},
     * {@code EXPECTED_UNSET}, {@code INCREMENT}), separated by {@code ", "}. A text rather than
     * numbers: a DAO states it in one constant, which costs the build of every DAO less than a call
     * with a number per parameter, and it reads the same.
     *
     * @throws IllegalArgumentException for a column this DAO does not have under that number, or an
     *     unknown code
     */
    private Statement statement(String sql, String parameters) {
        if (parameters.isEmpty()) {
            return new Statement(sql, new int[0]);
        }
        String[] each = parameters.split(", ");
        int[] bound = new int[each.length];
        for (int i = 0; i < each.length; i++) {
            bound[i] = switch (each[i]) {
                case "NEW_VERSION" -> NEW_VERSION;
                case "EXPECTED_VERSION" -> EXPECTED_VERSION;
                case "EXPECTED_UNSET" -> EXPECTED_UNSET;
                case "INCREMENT" -> INCREMENT;
                default -> column(each[i], sql);
            };
        }
        return new Statement(sql, bound);
    }

    /** The number of the column {@code parameter} names as {@code "2 title"}, checked against this DAO's columns. */
    private int column(String parameter, String sql) {
        // A bare number is refused too: the name is what lets a column named under the wrong number
        // be caught when the DAO's class is initialized, not in the rows it writes.
        int space = parameter.indexOf(' ');
        try {
            int number = space < 0 ? 0 : Integer.parseInt(parameter.substring(0, space));
            if (number >= 1 && number <= columns.size() && parameter.substring(space + 1).equals(columns.get(number - 1))) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Neither a code nor a column: said below.
        }
        throw new IllegalArgumentException("The parameter '" + parameter + "' of " + name + "'s statement " + sql
                + " is neither a column of " + columns + " as its number and name, nor NEW_VERSION, EXPECTED_VERSION,"
                + " EXPECTED_UNSET or INCREMENT");
    }

    /** Inserts one row; for a key the database generates, without the key column. */
    public DaoStatements insert(String sql, String parameters) {
        insert = statement(sql, parameters);
        return this;
    }

    /**
     * Inserts one row with the key the caller set, for an entity whose key the database otherwise
     * generates; {@code keyColumn} is the key column as the database reports generated keys.
     */
    public DaoStatements insertWithKey(String sql, String keyColumn, String parameters) {
        insertWithKey = statement(sql, parameters);
        generatedKeyColumns = new String[] {keyColumn};
        return this;
    }

    /** The checked UPDATE, writing a version computed before the write. */
    public DaoStatements update(String sql, String parameters) {
        update = statement(sql, parameters);
        return this;
    }

    /** The checked UPDATE on {@code dialect}, reporting the version the database gave the row. */
    public DaoStatements update(Dialect dialect, String sql, String parameters) {
        updateReadingBack.put(dialect, statement(sql, parameters));
        return this;
    }

    /** The checked UPDATE of many rows in one statement on PostgreSQL, and the query of its arrays' types. */
    public DaoStatements updateRows(String sql, String types) {
        updateRows = new Statement(sql, update.parameters());
        updateRowsTypes = types;
        return this;
    }

    /**
     * The checked UPDATE of many rows in one statement on PostgreSQL, for an entity whose version the
     * database decides: it returns each written row's version beside its position, and binds {@code
     * parameters}, its own, not those of the one-row update.
     */
    public DaoStatements updateRows(String sql, String types, String parameters) {
        updateRows = statement(sql, parameters);
        updateRowsTypes = types;
        return this;
    }

    /** The UPDATE without the version condition, writing a version computed before the write. */
    public DaoStatements updateUnchecked(String sql, String parameters) {
        updateUnchecked = statement(sql, parameters);
        return this;
    }

    /** The UPDATE without the version condition on {@code dialect}, reporting the version it wrote. */
    public DaoStatements updateUnchecked(Dialect dialect, String sql, String parameters) {
        updateUncheckedReadingBack.put(dialect, statement(sql, parameters));
        return this;
    }

    /** The checked DELETE. */
    public DaoStatements delete(String sql, String parameters) {
        delete = statement(sql, parameters);
        return this;
    }

    /** The checked DELETE of many rows in one statement on PostgreSQL, and the query of its arrays' types. */
    public DaoStatements deleteRows(String sql, String types) {
        deleteRows = new Statement(sql, delete.parameters());
        deleteRowsTypes = types;
        return this;
    }

    /** The DELETE by key alone; its parameters are the key's columns, which every SELECT by key binds. */
    public DaoStatements deleteUnchecked(String sql, String parameters) {
        deleteUnchecked = statement(sql, parameters);
        return this;
    }

    /**
     * The SELECTs: one row by key, every row in key order, one row's version by key, and one row by
     * key and version. Each binds the key's columns first, then the version.
     */
    public DaoStatements selects(String byId, String all, String version, String byIdAndVersion) {
        selectById = byId;
        selectAll = all;
        selectVersion = version;
        selectByIdAndVersion = byIdAndVersion;
        return this;
    }

    /** Adds an element collection of the entity, written and read with its rows. */
    public DaoStatements collection(ElementCollection<?, ?> collection) {
        collections.add(Objects.requireNonNull(collection, "collection"));
        return this;
    }

    /** The version trigger of a {@code TRIGGER} entity, looked for on its DAO's first update. */
    public DaoStatements trigger(TriggerTarget target) {
        trigger = target;
        return this;
    }

    Update checkedUpdate() {
        return Update.of(update, updateReadingBack);
    }

    Update uncheckedUpdate() {
        return Update.of(updateUnchecked, updateUncheckedReadingBack);
    }
}
