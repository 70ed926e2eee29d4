package org.optilock.runtime;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.optilock.runtime.internal.TriggerTarget;
import org.optilock.runtime.internal.TriggerTargets;

/**
 * {@link Triggers} from a command line. Run it with the application's class path, so that the
 * entity classes, their DAOs and the JDBC driver are found:
 *
 * <pre>
 * java -cp app.jar:libs/* org.optilock.runtime.TriggersCommand create --url jdbc:postgresql://db/shop \
 *      --user shop --password secret com.acme.Article com.acme.Customer
 * java -cp ... org.optilock.runtime.TriggersCommand list --url ...
 * java -cp ... org.optilock.runtime.TriggersCommand drop --url ... com.acme.Article
 * </pre>
 *
 * Exits with 0 on success, 1 when the database or an entity refuses, 2 on a malformed command.
 */
public final class TriggersCommand {

    static final String USAGE = "usage: TriggersCommand (create|drop|list) --url JDBC_URL"
            + " [--user USER] [--password PASSWORD] [--schema SCHEMA (list)] [ENTITY_CLASS ...]";

    private TriggersCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs one command, printing what it did to {@code out} and problems to {@code err}, and returns
     * the exit status: for tests, and for tools that embed the command.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        String verb = args[0];
        String url = null;
        String user = null;
        String password = null;
        String schema = null;
        List<String> entities = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--url", "--user", "--password", "--schema" -> {
                    if (i + 1 == args.length) {
                        err.println(args[i] + " needs a value. " + USAGE);
                        return 2;
                    }
                    String value = args[++i];
                    switch (args[i - 1]) {
                        case "--url" -> url = value;
                        case "--user" -> user = value;
                        case "--schema" -> schema = value;
                        default -> password = value;
                    }
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        err.println("Unknown option " + args[i] + ". " + USAGE);
                        return 2;
                    }
                    entities.add(args[i]);
                }
            }
        }
        if (!List.of("create", "drop", "list").contains(verb)) {
            err.println("Unknown command '" + verb + "'. " + USAGE);
            return 2;
        }
        if (url == null) {
            err.println("--url is required. " + USAGE);
            return 2;
        }
        if (verb.equals("list") != entities.isEmpty()) {
            err.println(verb.equals("list")
                    ? "list takes no entity classes. " + USAGE
                    : verb + " needs at least one entity class. " + USAGE);
            return 2;
        }
        try {
            List<TriggerTarget> targets = TriggerTargets.of(load(entities));
            String database = url;
            String login = user;
            String secret = password;
            TriggerTargets.SpareConnection opener = () -> DriverManager.getConnection(database, login, secret);
            try (Connection connection = opener.open()) {
                connection.setAutoCommit(false);
                List<String> names = switch (verb) {
                    case "create" -> TriggerTargets.create(connection, targets, opener);
                    case "drop" -> TriggerTargets.drop(connection, targets);
                    default -> TriggerTargets.list(connection, Optional.ofNullable(schema));
                };
                connection.commit();
                report(verb, targets, names, out);
            }
            return 0;
        } catch (ClassNotFoundException e) {
            err.println("No class " + e.getMessage() + " on the class path; run with the application's class path.");
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
        } catch (SQLException e) {
            err.println("The database refused: " + e.getMessage());
        }
        return 1;
    }

    private static Class<?>[] load(List<String> names) throws ClassNotFoundException {
        Class<?>[] types = new Class<?>[names.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = Class.forName(names.get(i), false, TriggersCommand.class.getClassLoader());
        }
        return types;
    }

    private static void report(String verb, List<TriggerTarget> targets, List<String> names, PrintStream out) {
        if (verb.equals("list")) {
            names.forEach(out::println);
            if (names.isEmpty()) {
                out.println("(no version triggers)");
            }
            return;
        }
        String done = verb.equals("create") ? "created " : "dropped ";
        String untouched = verb.equals("create") ? "already there: " : "not there: ";
        for (TriggerTarget target : targets) {
            out.println((names.contains(target.reportedName()) ? done : untouched)
                    + target.reportedName() + " on " + target.table());
        }
    }
}
