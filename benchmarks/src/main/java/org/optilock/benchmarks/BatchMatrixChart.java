package org.optilock.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.data.category.DefaultCategoryDataset;

/** One database's cells of the batch matrix as bars: Optilock's time over the JDBC batch's, by text and rows. */
final class BatchMatrixChart {

    private BatchMatrixChart() {}

    static void draw(Path file, Database database, List<BatchMatrix.Cell> cells) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (BatchMatrix.Cell cell : cells) {
            data.addValue(cell.medianRatio(BatchMatrix.OPTILOCK, BatchMatrix.JDBC), cell.operation().method,
                    cell.shape().name().toLowerCase(Locale.ROOT) + " " + cell.size());
        }
        String axis = "Optilock time / JDBC batch (below 1 is faster)";
        double highest = 1.0;
        for (BatchMatrix.Cell cell : cells) {
            highest = Math.max(highest, cell.medianRatio(BatchMatrix.OPTILOCK, BatchMatrix.JDBC));
        }
        JFreeChart chart = ChartFactory.createBarChart("Batches on " + database, "text and rows", axis, data,
                PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        // A linear axis from zero: bars need a base, and the ratios span less than a decade.
        NumberAxis ratios = new NumberAxis(axis);
        ratios.setRange(0, Math.ceil(highest * 11) / 10);
        plot.setRangeAxis(ratios);
        plot.addRangeMarker(new ValueMarker(1.0, Color.DARK_GRAY, new BasicStroke(1.5f)));
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1100, 520);
    }
}
