package org.optilock.benchmarks;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws the {@code org.optilock.Write} events of a JFR recording as docs/operations.md shows them: each
 * write at the time it began, by how long it took, one series per operation and outcome. Run on the
 * recording the web example's test keeps ({@code examples/target/web-example.jfr}).
 */
public final class FlightRecordingChart {

    private FlightRecordingChart() {}

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        draw(Path.of(args[0]), Path.of(args[1]));
    }

    static void draw(Path recording, Path png) throws IOException {
        List<RecordedEvent> writes = RecordingFile.readAllEvents(recording).stream()
                .filter(event -> event.getEventType().getName().equals("org.optilock.Write"))
                .sorted((a, b) -> a.getStartTime().compareTo(b.getStartTime()))
                .toList();
        if (writes.isEmpty()) {
            throw new IllegalArgumentException(recording + " holds no org.optilock.Write event");
        }
        Instant start = writes.get(0).getStartTime();
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (RecordedEvent write : writes) {
            String key = write.getString("operation") + " " + write.getString("outcome") + " ("
                    + write.getInt("statements") + (write.getInt("statements") == 1 ? " statement)" : " statements)");
            series.computeIfAbsent(key, XYSeries::new).add(
                    Duration.between(start, write.getStartTime()).toNanos() / 1e6,
                    write.getDuration().toNanos() / 1e3);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createScatterPlot(
                "Two tabs editing the web example: each write as JFR recorded it",
                "ms since the first write", "µs the write took", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 960, 420);
    }
}
