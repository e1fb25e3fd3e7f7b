package org.opendsr.reporting.publishing.adapters.web;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.reporting.publishing.application.PublishingReports.MonthOfRatings;

/**
 * The report page's charts, drawn on the server as SVG (JFreeChart onto JFreeSVG), from published figures only: a
 * suppressed figure ({@code *}) is a gap in a line or a missing bar, never its raw count. The same figures always give
 * the same SVG, byte for byte (fixed sizes, fonts and element ids), so a closed month's page never changes. Labels are
 * horizontal: JFreeSVG writes them as SVG text, which a reader can select and a screen reader read (rotated labels
 * would be drawn as glyph outlines).
 */
final class ReportCharts {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 360;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private static final Map<String, Color> RATING_COLOURS = Map.of(
            RagRating.RED.name(), new Color(0xD5, 0x28, 0x1B),
            RagRating.AMBER.name(), new Color(0xED, 0x8B, 0x00),
            RagRating.GREEN.name(), new Color(0x00, 0x7F, 0x3B),
            RagRating.BLUE.name(), new Color(0x00, 0x5E, 0xB8),
            "NOT_RATED", new Color(0x76, 0x86, 0x92));

    private ReportCharts() {
    }

    /** Trend lines: people on the register at each month end, by rating. */
    static String registerTrend(List<MonthOfRatings> months, List<String> ratings) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (String rating : ratings) {
            for (MonthOfRatings month : months) {
                dataset.addValue(number(month.byRating().get(rating)), rating, MONTH.format(month.month()));
            }
        }
        JFreeChart chart = ChartFactory.createLineChart("People on the register at month end, by rating", "Month",
                "People (published figures)", dataset, PlotOrientation.VERTICAL, true, false, false);
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setDefaultShapesVisible(true);
        // "Nov 2025" on two lines: a 12-month axis has room for neither "2025-11" nor "Nov 2025" on one.
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        plot.getDomainAxis().setCategoryMargin(0.05);
        for (int series = 0; series < ratings.size(); series++) {
            renderer.setSeriesPaint(series, RATING_COLOURS.getOrDefault(ratings.get(series), Color.DARK_GRAY));
            renderer.setSeriesStroke(series, new BasicStroke(2.5f));
        }
        return svg(chart, "dsr-register-trend");
    }

    /**
     * Bars: service recommendations made and unmet in the period, by locality (the service gaps).
     *
     * @param byLocality locality -> series (MADE, UNMET) -> published figure
     */
    static String serviceGaps(Map<String, Map<String, String>> byLocality, List<String> series) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (String group : series) {
            // Spaced, so that a long locality wraps onto a second line instead of running into the next.
            byLocality.forEach((locality, figures) -> dataset.addValue(number(figures.get(group)), group,
                    locality.replace('_', ' ')));
        }
        JFreeChart chart = ChartFactory.createBarChart("Service recommendations made and unmet, by locality",
                "Locality", "Recommendations (published figures)", dataset, PlotOrientation.VERTICAL, true, false,
                false);
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, new Color(0x00, 0x5E, 0xB8));
        renderer.setSeriesPaint(1, new Color(0xD5, 0x28, 0x1B));
        plot.getDomainAxis().setMaximumCategoryLabelLines(3);
        return svg(chart, "dsr-service-gaps");
    }

    /** A published figure as a number to plot; nothing for a suppressed or missing one. */
    private static Number number(String published) {
        if (published == null || !published.chars().allMatch(Character::isDigit) || published.isEmpty()) {
            return null;
        }
        return Long.valueOf(published);
    }

    private static void style(JFreeChart chart) {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(TITLE);
        theme.setLargeFont(TEXT);
        theme.setRegularFont(TEXT);
        theme.setSmallFont(TEXT);
        theme.apply(chart);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xB1, 0xB4, 0xB6));
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }

    private static String svg(JFreeChart chart, String id) {
        SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
        // Otherwise a prefix from the clock: the same chart would differ from one request to the next.
        svg.setDefsKeyPrefix(id + "-");
        chart.draw(svg, new Rectangle(0, 0, WIDTH, HEIGHT));
        return svg.getSVGElement(id, true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    }
}
