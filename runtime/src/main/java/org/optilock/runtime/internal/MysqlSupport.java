package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.optilock.runtime.Dialect;

/**
 * MySQL 8 and MariaDB: an UPDATE cannot return a value, so the generated statement assigns the new
 * version to a session variable, read by one statement more on the same connection; a batch's checked
 * rows go hundreds to a statement that joins them to the table ({@link JoinedBatch}).
 */
final class MysqlSupport implements DialectSupport {

    static final MysqlSupport INSTANCE = new MysqlSupport();

    /**
     * The session variable a reading-back update assigns; the processor writes the same name into its
     * statements, and a processor test checks that the two agree.
     */
    static final String VERSION_VARIABLE = "@optilock_version";

    private static final String SELECT_ASSIGNED_VERSION = "SELECT " + VERSION_VARIABLE;

    /** A deadlock, or a Galera certification failure. */
    private static final int DEADLOCK = 1213;
    /** ER_DUP_ENTRY: a duplicate key or unique value. */
    private static final int DUPLICATE_ENTRY = 1062;
    /** What a Galera node outside the primary component answers any statement (ER_UNKNOWN_COM_ERROR). */
    private static final int NODE_NOT_READY = 1047;
    /** A commit that failed (ER_ERROR_DURING_COMMIT); Galera's, when replicating it lost the cluster. */
    private static final int ERROR_DURING_COMMIT = 1180;

    /** Lock wait timeout exceeded, statement time exceeded (MySQL, MariaDB). */
    private static final Set<Integer> TIMED_OUT = Set.of(1205, 3024, 1969);

    /** MariaDB's SQLState for a statement interrupted by its time limit. */
    private static final String INTERRUPTED = "70100";

    private MysqlSupport() {}

    @Override
    public Dialect dialect() {
        return Dialect.MYSQL;
    }

    @Override
    public Object updateReadingBack(Connection connection, PreparedStatement statement, VersionType versionType)
            throws SQLException {
        if (statement.executeUpdate() == 0) {
            return null;
        }
        try (PreparedStatement select = connection.prepareStatement(SELECT_ASSIGNED_VERSION);
                ResultSet resultSet = select.executeQuery()) {
            resultSet.next();
            return versionType.read(resultSet, 1);
        }
    }

    /**
     * Without the assignment to the session variable, {@code version = (@optilock_version := e)}
     * becoming {@code version = e}: a batch reads its versions back by key, and has no use for a variable
     * that would hold only its last row's.
     */
    @Override
    public String withoutReadBack(String sql) {
        String assignment = "(" + VERSION_VARIABLE + " := ";
        int at = sql.indexOf(assignment);
        if (at < 0) {
            return sql;
        }
        int depth = 1;
        int end = at + assignment.length();
        while (depth > 0 && end < sql.length()) {
            char c = sql.charAt(end++);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        return sql.substring(0, at) + sql.substring(at + assignment.length(), end - 1) + sql.substring(end);
    }

    @Override
    public <T, V> void updateChecked(Connection connection, EntityRows<T, ?, V> rows, List<T> entities,
            int[] indexes, BatchOutcome<T, V> outcome, BatchStart start) throws SQLException {
        JoinedBatch.update(connection, rows, entities, indexes, rows.checkedUpdateStatement(outcome, indexes),
                JoinedBatch.JOINED, outcome, start);
    }

    /**
     * Versions the database decides go as statements joined to hundreds of rows, then read back by key.
     * A trigger's in one statement a chunk: here the statement computes the version itself, {@code
     * version = COALESCE(version, 0) + 1}, from the version alone, so the order of the joined UPDATE's
     * assignments, which MySQL does not define, cannot change it. A conditional version compares the
     * columns the same statement assigns, so its chunk goes as two statements, the versions and then
     * the columns ({@link JoinedStatement#ofVersionThenColumns}).
     */
    @Override
    public <T, V> void updateCheckedReadingBack(Connection connection, EntityRows<T, ?, V> rows, List<T> entities,
            int[] indexes, BatchOutcome<T, V> outcome, BatchStart start) throws SQLException {
        DaoStatements.Statement update = rows.checkedUpdateWithoutReadBack(this, outcome, indexes);
        List<JoinedStatement> joined = rows.versionsByTrigger() ? List.of(JoinedStatement.ofUpdate(update.sql()))
                : JoinedStatement.ofVersionThenColumns(update.sql(), rows.keyColumns());
        JoinedBatch.updateReadingBack(connection, rows, entities, indexes, update, joined, outcome, start);
    }

    @Override
    public <T, V> void deleteChecked(Connection connection, EntityRows<T, ?, V> rows, List<T> entities,
            int[] indexes, BatchOutcome<T, V> outcome, BatchStart start) throws SQLException {
        JoinedBatch.delete(connection, rows, entities, indexes, rows.deleteStatement(true, outcome, indexes),
                JoinedBatch.JOINED, outcome, start);
    }

    /** A schema is a database here; Optilock's triggers carry the mark in their body. */
    private static final InformationSchemaTriggers TRIGGERS = new InformationSchemaTriggers("lower", "DATABASE()",
            "ACTION_STATEMENT LIKE '%" + TriggerTarget.MARK + "%'");

    @Override
    public TriggerCatalog triggers() {
        return TRIGGERS;
    }

    /** The mark goes inside the body: MySQL keeps only the body in {@code information_schema}. */
    @Override
    public List<String> createTrigger(TriggerTarget target) {
        String version = target.versionColumn();
        return List.of("CREATE TRIGGER " + target.qualifiedTriggerName() + " BEFORE UPDATE ON " + target.table()
                + " FOR EACH ROW SET NEW." + version + " = /* " + TriggerTarget.MARK + " */ IF(NEW." + version
                + " <=> OLD." + version + ", COALESCE(OLD." + version + ", 0) + 1, NEW." + version + ")");
    }

    @Override
    public boolean keysetNeedsLeadingRange() {
        return true; // MariaDB does not seek an index by a row comparison; the range on its first key does.
    }

    @Override
    public boolean ddlCommits() {
        return true;
    }

    @Override
    public SqlFailure classify(SQLException failure) {
        int code = failure.getErrorCode();
        if (code == DEADLOCK) {
            return SqlFailure.CONCURRENT_WRITE;
        }
        if (code == DUPLICATE_ENTRY) {
            return SqlFailure.DUPLICATE_KEY;
        }
        String message = String.valueOf(failure.getMessage());
        if (code == NODE_NOT_READY && message.contains("WSREP")) {
            return SqlFailure.OUTSIDE_THE_CLUSTER;
        }
        if (code == ERROR_DURING_COMMIT && message.contains("Primary Component")) {
            return SqlFailure.CLUSTER_LOST;
        }
        return TIMED_OUT.contains(code) || INTERRUPTED.equals(failure.getSQLState()) ? SqlFailure.TIMEOUT : SqlFailure.OTHER;
    }
}
