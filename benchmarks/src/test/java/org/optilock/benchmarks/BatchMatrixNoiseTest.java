package org.optilock.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The counts under each table of the batch matrix, from times chosen so that each count is known. */
class BatchMatrixNoiseTest {

    @Test
    void countsTheCellsSlowerThanTheJdbcBatchBeyondTheSameCodesNoise() {
        List<BatchMatrix.Cell> cells = List.of(
                // Slower in every round, and beyond the same code's spread: counted twice.
                cell(new double[] {10, 10, 10, 10}, new double[] {10, 10, 10, 10}, new double[] {12, 12, 12, 12}, null),
                // Slower in every round, but the same code wanders as far: counted once.
                cell(new double[] {10, 10, 10, 10}, new double[] {12, 12, 12, 12}, new double[] {11, 11, 11, 11}, null),
                // Faster: not counted.
                cell(new double[] {10, 10, 10, 10}, new double[] {10, 10, 10, 10}, new double[] {9, 9, 9, 9}, null));

        assertEquals("\nCells whose lower quartile is above 1 (slower than the JDBC batch in three rounds of four):"
                + " Optilock 2 of 3, the JDBC batch again, the same code, 1 of 3. Optilock's lower quartile above the"
                + " JDBC batch again's upper quartile as well: 1 of 3.\n", BatchMatrix.noise(cells, null));
    }

    @Test
    void countsTheCellsOverATenthAboveTheStatementWrittenByHand() {
        double[] ten = {10, 10, 10, 10, 10};
        List<BatchMatrix.Cell> cells = List.of(
                cell(ten, ten, new double[] {12, 12, 12, 12, 12}, ten),
                // Over by the median only: two rounds of five level with the statement.
                cell(ten, ten, new double[] {12, 12, 12, 10, 10}, ten),
                cell(ten, ten, ten, ten));

        String noise = BatchMatrix.noise(cells, "joined");

        assertTrue(noise.endsWith("\nCells over 1.10 times the statement written by hand (joined): by the median 2"
                + " of 3, by the lower quartile 1 of 3.\n"), noise);
    }

    private static BatchMatrix.Cell cell(double[] jdbc, double[] again, double[] optilock, double[] setBased) {
        Map<String, double[]> times = new LinkedHashMap<>();
        times.put(BatchMatrix.JDBC, jdbc);
        times.put(BatchMatrix.JDBC_AGAIN, again);
        times.put(BatchMatrix.OPTILOCK, optilock);
        if (setBased != null) {
            times.put(BatchMatrix.SET_BASED, setBased);
        }
        return new BatchMatrix.Cell(Database.H2, "narrow", 10, BatchMatrix.Operation.UPDATE_ALL, times);
    }
}
