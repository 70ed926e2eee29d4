package org.optilock.processor.query.jdql;

import java.util.Optional;

/**
 * A query that parses but does not fit the entity or the method: what is wrong, where, and the
 * attribute it named where it names none.
 */
public final class JdqlSemanticException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int position;
    private final String unknownAttribute;

    public JdqlSemanticException(String problem, int position) {
        this(problem, position, null);
    }

    private JdqlSemanticException(String problem, int position, String unknownAttribute) {
        super(problem, null, false, false);
        this.position = position;
        this.unknownAttribute = unknownAttribute;
    }

    public static JdqlSemanticException unknownAttribute(String name, int position) {
        return new JdqlSemanticException("'" + name + "' is no attribute", position, name);
    }

    /** Where in the query, from 0. */
    public int position() {
        return position;
    }

    /** The name that is no attribute, where that is the problem. */
    public Optional<String> unknownAttribute() {
        return Optional.ofNullable(unknownAttribute);
    }
}
