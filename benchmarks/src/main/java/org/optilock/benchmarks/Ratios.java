package org.optilock.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ratios to the hand-written JDBC baseline, paired by round: in each round every contender's time is
 * divided by the baseline's time of the same round, and the report takes the median of those ratios.
 * A slow minute of a noisy machine then moves a pair together, not one side of it.
 */
final class Ratios {

    /** Ratios by work ({@link Score#work()}), then by contender, across rounds. */
    private final Map<String, Map<String, List<Double>>> ratios = new LinkedHashMap<>();
    private final Map<String, List<Double>> baselineTimes = new LinkedHashMap<>();
    private final Map<String, String> units = new LinkedHashMap<>();

    /** Adds one round's scores. */
    void addRound(List<Score> round) {
        Map<String, Score> baselines = new LinkedHashMap<>();
        for (Score score : round) {
            if (score.isBaseline()) {
                baselines.put(score.work(), score);
            }
        }
        for (Score score : round) {
            Score baseline = baselines.get(score.work());
            if (baseline == null) {
                continue;
            }
            ratios.computeIfAbsent(score.work(), w -> new LinkedHashMap<>())
                    .computeIfAbsent(score.contender(), c -> new ArrayList<>())
                    .add(score.time() / baseline.time());
            if (score.isBaseline()) {
                baselineTimes.computeIfAbsent(score.work(), w -> new ArrayList<>()).add(score.time());
                units.put(score.work(), score.unit());
            }
        }
    }

    /** The works measured, in the order they were first seen. */
    List<String> works() {
        return new ArrayList<>(ratios.keySet());
    }

    /** The median ratio of {@code contender} for {@code work}, or NaN when it was not measured. */
    double median(String work, String contender) {
        List<Double> values = ratios.getOrDefault(work, Map.of()).get(contender);
        return values == null ? Double.NaN : median(values);
    }

    /** The baseline's median time for {@code work}, with its unit. */
    String baselineTime(String work) {
        return String.format("%.3g %s", median(baselineTimes.get(work)), units.get(work));
    }

    /** How many rounds were paired. */
    int rounds() {
        return ratios.values().stream().flatMap(m -> m.values().stream()).mapToInt(List::size).max().orElse(0);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
