package org.optilock.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How one database's catalog is asked which version triggers exist. */
interface TriggerCatalog {

    /**
     * The query counting the triggers named {@code ?} in {@code schema} (the connection's current one
     * when empty); the schema is bound first where {@link #bindsSchema} says so.
     */
    String countQuery(Optional<String> schema);

    /** The query of the names of Optilock's version triggers in {@code schema}. */
    String namesQuery(Optional<String> schema);

    /**
     * The names of Optilock's version triggers in every schema {@code connection} can see, in lower
     * case: those of the current schema as they are, the others as {@code schema.name}.
     */
    List<String> namesEverywhere(Connection connection) throws SQLException;

    /**
     * The names {@link #namesEverywhere} gives, from {@code query}: on each of its rows the schema, the
     * name, and 1 where the schema is the connection's current one, else 0.
     */
    static List<String> namesEverywhere(Connection connection, String query) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(query);
                ResultSet resultSet = statement.executeQuery()) {
            while (resultSet.next()) {
                String name = resultSet.getString(2);
                names.add((resultSet.getInt(3) == 1 ? name : resultSet.getString(1) + "." + name).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** Whether the queries take the schema as a parameter (else it is part of their text). */
    default boolean bindsSchema() {
        return true;
    }
}
