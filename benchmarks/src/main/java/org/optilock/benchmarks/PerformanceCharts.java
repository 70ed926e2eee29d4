package org.optilock.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The report's charts, as PNG files committed beside docs/performance.md. */
final class PerformanceCharts {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 480;

    private PerformanceCharts() {}

    /** Bars of each contender's median ratio to the baseline, one group per work. */
    static void ratios(Path file, String title, Ratios ratios, List<String> works, List<String> contenders)
            throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String work : works) {
            for (String contender : contenders) {
                double ratio = ratios.median(work, contender);
                if (!Double.isNaN(ratio)) {
                    data.addValue(ratio, contender, work);
                }
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(title, "", "time / hand-written JDBC (below 1 is faster)", data,
                PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        // Ratios run from a third to seventy: on a logarithmic axis both ends stay readable.
        plot.setRangeAxis(new LogAxis("time / hand-written JDBC (below 1 is faster)"));
        plot.getDomainAxis().setMaximumCategoryLabelLines(3);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }

    /**
     * Bars of ratios on a linear axis from zero, with a line at 1: {@code ratios} by series (a bar's
     * colour), then by category (a group of bars), in the order given.
     */
    static void ratioBars(Path file, String title, String categories, String axis, Map<String, Map<String, Double>> ratios)
            throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double highest = 1.0;
        for (Map.Entry<String, Map<String, Double>> series : ratios.entrySet()) {
            for (Map.Entry<String, Double> ratio : series.getValue().entrySet()) {
                data.addValue(ratio.getValue(), series.getKey(), ratio.getKey());
                highest = Math.max(highest, ratio.getValue());
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(title, categories, axis, data, PlotOrientation.VERTICAL, true,
                false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        // Linear from zero: bars need a base, and these ratios span less than a decade.
        NumberAxis range = new NumberAxis(axis);
        range.setRange(0, Math.ceil(highest * 11) / 10);
        plot.setRangeAxis(range);
        plot.addRangeMarker(new ValueMarker(1.0, Color.DARK_GRAY, new BasicStroke(1.5f)));
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1100, 520);
    }

    /** Lines of batch time against rows, on logarithmic axes, for each side and database. */
    static void growth(Path file, String title, List<Score> scores) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Score score : scores) {
            String key = score.contender() + " on " + score.database();
            XYSeries series;
            int index = data.getSeriesIndex(key);
            if (index < 0) {
                series = new XYSeries(key);
                data.addSeries(series);
            } else {
                series = data.getSeries(index);
            }
            series.add(score.rows(), score.time());
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "rows", "ms per call", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainAxis(new LogAxis("rows"));
        plot.setRangeAxis(new LogAxis("ms per call"));
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }
}
