package org.optilock.runtime.internal;

/**
 * Where a statement that carries many rows of a batch ends: at {@code rows} rows or about {@code
 * bytes} bytes of values, whichever comes first. Past some hundreds of rows a statement saves no more
 * round trips worth having, while a statement that grows without bound costs the server memory (and
 * on MySQL may pass the largest packet it accepts). A chunk always takes its first row, however large.
 *
 * @param rows the most rows one statement carries
 * @param bytes the most bytes of values, roughly, one statement carries
 */
record ChunkLimit(int rows, long bytes) {

    /** Roughly the bytes {@code value} takes in a statement: a text its length, bytes their number, anything else a word. */
    static int bytes(Object value) {
        return value instanceof String text ? text.length() : value instanceof byte[] bytes ? bytes.length : 8;
    }

    /**
     * How many of the rows from {@code first} on (of {@code rowCount}) the chunk that starts there
     * takes, each row's size given by {@code rowBytes}.
     */
    int rowsFrom(int first, int rowCount, RowBytes rowBytes) {
        int taken = 0;
        long size = 0;
        while (first + taken < rowCount && takesMore(taken, size)) {
            size += rowBytes.of(first + taken);
            taken++;
        }
        return taken;
    }

    /** Whether a chunk that holds {@code taken} rows of {@code size} bytes takes one more. */
    boolean takesMore(int taken, long size) {
        return taken < rows && size < bytes;
    }

    /** The size in bytes of row {@code row} of the batch, roughly. */
    interface RowBytes {
        long of(int row);
    }
}
