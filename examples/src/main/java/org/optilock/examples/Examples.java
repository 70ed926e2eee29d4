package org.optilock.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.optilock.examples.web.WebExample;
import org.optilock.runtime.Concurrency;
import org.optilock.runtime.RecordModifiedException;

/**
 * Optilock on an embedded H2 database: two people editing the same document, an import with
 * checks disabled, timestamp versions, then the web example on http://localhost:8080 until Ctrl+C
 * ({@code -Doptilock.port=...} for another port). Run it with {@code mvn -q -Pexamples -DskipTests verify}.
 */
public final class Examples {

    private final PrintStream out;
    private final DocumentDao documents;
    private final PriceDao prices;

    Examples(DataSource dataSource, PrintStream out) {
        this.out = out;
        this.documents = new DocumentDao(dataSource);
        this.prices = new PriceDao(dataSource);
    }

    public static void main(String[] args) throws SQLException, IOException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:examples;DB_CLOSE_DELAY=-1");
        try (Connection keepAlive = dataSource.getConnection()) {
            createTables(keepAlive);
            Examples examples = new Examples(dataSource, System.out);
            examples.twoPeopleEditTheSameDocument();
            examples.importWithChecksDisabled();
            examples.timestampVersions();

            WebExample.seed(dataSource);
            int port = Integer.getInteger("optilock.port", 8080);
            try (WebExample web = WebExample.start(dataSource, port)) {
                System.out.println();
                System.out.println("== 4. The web example ==");
                System.out.println("Open http://localhost:" + web.port() + "/documents/1/edit in two browser tabs and save"
                        + " both: edits of different fields are merged, edits of the same field show the conflict page.");
                System.out.println("JSON API: curl -i http://localhost:" + web.port() + "/api/documents/1");
                System.out.println("Press Ctrl+C to stop.");
                Thread.currentThread().join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Creates the tables of the examples. */
    public static void createTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE Document (id BIGINT AUTO_INCREMENT PRIMARY KEY, "
                    + "title VARCHAR(200), body VARCHAR(4000), editedBy VARCHAR(100), version BIGINT NOT NULL)");
            statement.execute("CREATE TABLE Price (sku VARCHAR(40) PRIMARY KEY, amount DECIMAL(12, 2), "
                    + "changedAt TIMESTAMP(6) WITH TIME ZONE NOT NULL)");
        }
    }

    void twoPeopleEditTheSameDocument() {
        heading("1. Two people edit the same document");
        Document created = documents.insert(new Document("Release notes", "Draft."));
        Document alice = documents.findById(created.id).orElseThrow();
        Document bob = documents.findById(created.id).orElseThrow();
        out.println("Alice and Bob both open " + alice + ".");

        alice.title = "Release notes 1.0";
        documents.update(alice);
        out.println("Alice saves her title: " + alice + ".");

        bob.body = "Bob's careful rewrite.";
        out.println("Bob saves his body text, still holding version " + bob.version + "...");
        try {
            documents.update(bob);
            out.println("  (this line is never reached: Bob would have overwritten Alice's title)");
        } catch (RecordModifiedException conflict) {
            Document winner = conflict.current(Document.class).orElseThrow();
            out.println("  CONFLICT: " + conflict.getMessage());
            out.println("  The database kept Alice's row: " + winner + ", body \"" + winner.body + "\".");
            out.println("  Bob's copy still holds version " + bob.version + "; nothing of his was written.");

            winner.body = bob.body;
            documents.update(winner);
            out.println("Bob merges his change into the current row and saves: " + winner
                    + ", body \"" + winner.body + "\".");
        }
    }

    void importWithChecksDisabled() {
        heading("2. An import with checks disabled");
        Document stale = documents.findAll().get(0);
        Document current = documents.findById(stale.id).orElseThrow();
        current.title = "Release notes 1.0.1";
        documents.update(current);
        out.println("A nightly import holds an old copy " + stale + "; the row is now " + current + ".");

        stale.title = "Release notes (imported)";
        // A block lambda picks disabled(Runnable); an expression lambda would pick disabled(Callable).
        Concurrency.disabled(() -> {
            documents.update(stale);
        });
        Document after = documents.findById(stale.id).orElseThrow();
        out.println("Inside Concurrency.disabled(...) the import overwrites it on purpose: " + after + ".");
        out.println("The version still moved on, so copies read before the import are stale: isChanged("
                + current.version + ") = " + documents.isChanged(current) + ".");
        try {
            documents.update(current);
        } catch (RecordModifiedException conflict) {
            out.println("Outside the scope checks apply again: " + conflict.getMessage());
        }
    }

    void timestampVersions() {
        heading("3. Timestamp versions");
        Price price = prices.insert(new Price("SKU-1", new BigDecimal("9.99"), null));
        out.println("Inserted " + price + ".");
        Price morning = prices.findById("SKU-1").orElseThrow();
        Price raised = prices.update(price.withAmount("10.49"));
        out.println("Raised:   " + raised + " (the version is the instant of the change, in microseconds).");
        List<Price> all = prices.findAll();
        out.println("Rows now: " + all + ".");
        try {
            prices.update(morning.withAmount("8.99"));
        } catch (RecordModifiedException conflict) {
            out.println("A discount prepared from the morning's copy is refused: expected "
                    + conflict.expectedVersion() + ", found " + conflict.currentVersion() + ".");
        }
    }

    private void heading(String title) {
        out.println();
        out.println("== " + title + " ==");
    }
}
