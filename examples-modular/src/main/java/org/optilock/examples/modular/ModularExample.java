package org.optilock.examples.modular;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.optilock.runtime.RecordModifiedException;

/** Saves a task twice from two stale copies: the second save fails, in a named module as on the class path. */
public final class ModularExample {

    private ModularExample() {}

    public static void main(String[] args) throws SQLException {
        System.out.println(run("jdbc:h2:mem:modular;DB_CLOSE_DELAY=-1"));
    }

    /** Runs the story on the database at {@code url}; what happened, in one line. */
    public static String run(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE Task (id BIGINT AUTO_INCREMENT PRIMARY KEY, title VARCHAR(100),"
                        + " version BIGINT)");
            }
            TaskDao tasks = new TaskDao(connection);
            Task task = tasks.insert(new Task("Write the release notes"));
            Task alice = tasks.findById(task.id).orElseThrow();
            Task bob = tasks.findById(task.id).orElseThrow();
            alice.title = "Write the release notes for 1.0";
            tasks.update(alice);
            bob.title = "Bob's title";
            try {
                tasks.update(bob);
                return "Bob overwrote Alice: optimistic locking is off";
            } catch (RecordModifiedException conflict) {
                return "Bob's stale save was refused; the task is at version " + conflict.currentVersion()
                        + ": " + tasks.findById(task.id).orElseThrow().title();
            }
        }
    }
}
