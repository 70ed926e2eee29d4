package org.optilock.processor.validation;

import java.util.Optional;
import org.optilock.processor.query.jdql.Jdql;
import org.optilock.processor.query.jdql.JdqlParser;
import org.optilock.processor.query.jdql.JdqlSyntaxException;

/** The entity a JDQL query names, in its FROM, UPDATE or DELETE, for a repository that reads several. */
final class JdqlEntityName {

    private JdqlEntityName() {}

    /** The name, as written; empty when the query names none, or does not parse (which its method reports). */
    static Optional<String> of(String query) {
        try {
            Jdql.Statement statement = JdqlParser.parse(query);
            if (statement instanceof Jdql.Select select) {
                return select.from().map(Jdql.Name::text);
            }
            return Optional.of(statement instanceof Jdql.Update update ? update.entity().text()
                    : ((Jdql.Delete) statement).entity().text());
        } catch (JdqlSyntaxException e) {
            return Optional.empty();
        }
    }
}
