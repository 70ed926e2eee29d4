package org.optilock.benchmarks;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;

/**
 * One measured combination: which operation, on which database, by whom, over how many rows, and its
 * average time in the benchmark's unit.
 *
 * @param operation the benchmark method: {@code update}, {@code findById}, {@code updateAll}, ...
 * @param database where it ran
 * @param contender a {@link Contender} or {@link BatchSide} name
 * @param rows the rows of a batch; 1 for single-row work
 * @param time the average time of one operation
 * @param unit the unit of {@code time}
 */
record Score(String operation, Database database, String contender, int rows, double time, String unit) {

    static Score of(RunResult result) {
        BenchmarkParams params = result.getParams();
        String benchmark = params.getBenchmark();
        String contender = params.getParam("contender") != null ? params.getParam("contender") : params.getParam("side");
        String rows = params.getParam("rows");
        return new Score(benchmark.substring(benchmark.lastIndexOf('.') + 1), Database.valueOf(params.getParam("database")),
                contender, rows == null ? 1 : Integer.parseInt(rows), result.getPrimaryResult().getScore(),
                result.getPrimaryResult().getScoreUnit());
    }

    /** What is compared: the same operation on the same database over the same rows. */
    String work() {
        return operation + " " + database + (rows > 1 ? " " + rows : "");
    }

    /** Whether this is the baseline every other contender is divided by. */
    boolean isBaseline() {
        return contender.equals(Contender.JDBC_PER_CALL.name()) || contender.equals(BatchSide.JDBC.name());
    }
}
