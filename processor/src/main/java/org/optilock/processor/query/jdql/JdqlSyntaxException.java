package org.optilock.processor.query.jdql;

/** A query that does not follow JDQL's grammar: what was expected, and where, from 0. */
public final class JdqlSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int position;

    JdqlSyntaxException(String problem, int position) {
        super(problem, null, false, false);
        this.position = position;
    }

    /** Where in the query, from 0. */
    public int position() {
        return position;
    }
}
