package org.opendsr.reporting.publishing.adapters.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opendsr.reporting.measures.domain.Dimension;
import org.opendsr.reporting.measures.domain.Measure;
import org.opendsr.reporting.publishing.application.PublishingReports.ReportWithTrend;
import org.opendsr.reporting.publishing.domain.PublishedCell;
import org.opendsr.reporting.publishing.domain.PublishedMeasure;
import org.opendsr.reporting.publishing.domain.PublishedReport;
import org.opendsr.reporting.publishing.domain.PublishedRestatement;

/**
 * The commissioners' report page: one HTML document, printable (A4, tables kept whole where they fit), with its two
 * charts drawn on the server as inline SVG and every measure as tables (one per breakdown: a row per category, a
 * column per group), each measure linking to its CSV. Everything written into it is escaped; nothing in it depends on
 * when it was asked for, so a closed month's page is the same on every request.
 */
final class ReportPage {

    static final String CONTENT_TYPE = "text/html; charset=UTF-8";

    private static final String STYLE = """
            body{font-family:Arial,Helvetica,sans-serif;color:#212b32;margin:2em auto;max-width:64em;padding:0 1em;\
            line-height:1.4}
            h1{font-size:1.7em;margin-bottom:.2em}h2{font-size:1.3em;margin-top:1.6em;border-bottom:2px solid #005eb8}\
            h3{font-size:1em;margin:1em 0 .3em}
            .status{font-weight:bold}.note{color:#4c6272}
            figure{margin:1em 0}svg{max-width:100%;height:auto}
            table{border-collapse:collapse;margin:.3em 0 1em;font-size:.85em}
            th,td{border:1px solid #d8dde0;padding:.2em .5em;text-align:right}th{background:#f0f4f5}\
            th[scope=row],caption{text-align:left}caption{font-weight:bold;padding:.2em 0}
            section.measure{break-inside:auto}
            @media print{
            @page{size:A4;margin:15mm}
            body{margin:0;max-width:none;font-size:10pt}
            nav,.csv{display:none}
            h2{break-after:avoid}table,figure{break-inside:avoid}
            section.measure{break-before:auto}
            a{color:inherit;text-decoration:none}
            }
            """;

    private ReportPage() {
    }

    static String of(ReportWithTrend page) {
        PublishedReport report = page.report();
        String period = report.period().label();
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>DSR report for commissioners: ").append(escape(period)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<header>\n<h1>Dynamic Support Register: report for commissioners, ").append(escape(period))
                .append("</h1>\n<p>").append(escape(describe(report))).append(" <span class=\"status\" id=\"status\">")
                .append(escape(report.status().name())).append("</span>");
        if (report.cutAt() != null) {
            html.append(", cut at <time id=\"cut-at\" datetime=\"").append(escape(report.cutAt().toString()))
                    .append("\">").append(escape(report.cutAt().toString())).append("</time>");
        }
        html.append(".</p>\n<p class=\"note\" id=\"disclosure-control\">").append(escape(report.disclosureControl()))
                .append(". Percentages are worked out from the published figures. A dash (-) is a percentage of "
                        + "nothing. Averages (whole days) and longest times (to the nearest 5 days) are shown only "
                        + "where 8 or more were measured.</p>\n")
                .append(report.status() == PublishedReport.Status.PROVISIONAL
                        ? "<p class=\"note\">Provisional: the figures of an open month can still change.</p>\n" : "")
                .append("</header>\n");

        html.append("<nav>\n<h2>Measures</h2>\n<ul>\n");
        for (PublishedMeasure measure : report.measures()) {
            html.append("<li><a href=\"#").append(escape(measure.measure().id())).append("\">")
                    .append(escape(measure.measure().title())).append("</a> (<a class=\"csv\" href=\"")
                    .append(escape(csvLink(measure))).append("\">CSV</a>)</li>\n");
        }
        html.append("</ul>\n</nav>\n");

        html.append("<section id=\"charts\">\n<h2>Trends and service gaps</h2>\n");
        html.append("<figure id=\"register-trend\">\n")
                .append(ReportCharts.registerTrend(page.trend(), Measure.REGISTER_BY_RATING.groups()))
                .append("\n<figcaption>People on the register at each month end, by rating, over the 12 months to ")
                .append(escape(report.period().lastMonth().toString()))
                .append(" (published figures; a gap is a suppressed figure).</figcaption>\n</figure>\n");
        html.append(trendTable(page));
        report.measure(Measure.SERVICE_RECOMMENDATIONS).ifPresent(recommendations -> {
            Map<String, Map<String, String>> byLocality = serviceGapsByLocality(recommendations);
            html.append("<figure id=\"service-gaps\">\n")
                    .append(ReportCharts.serviceGaps(byLocality, List.of("MADE", "UNMET")))
                    .append("\n<figcaption>Service recommendations made and unmet in ").append(escape(period))
                    .append(", by locality (published figures; a missing bar is a suppressed figure).</figcaption>\n")
                    .append("</figure>\n");
        });
        html.append("</section>\n");

        for (PublishedMeasure measure : report.measures()) {
            html.append(measureSection(measure));
        }
        html.append(restatements(report.restatements()));
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static String describe(PublishedReport report) {
        String months = report.period().firstMonth().equals(report.period().lastMonth())
                ? report.period().firstMonth().toString()
                : report.period().firstMonth() + " to " + report.period().lastMonth();
        String kind = switch (report.period().kind()) {
            case MONTH -> "Month";
            case QUARTER -> "Calendar quarter";
            case FINANCIAL_YEAR -> "Financial year";
        };
        return kind + " " + months + ", people with a learning disability, autism or both in the ICB. Status:";
    }

    /** Relative to the page ({@code .../reports/<period>/page}), so it works through the gateway and on the service. */
    private static String csvLink(PublishedMeasure measure) {
        return "measures/" + measure.measure().id() + ".csv";
    }

    private static String trendTable(ReportWithTrend page) {
        List<String> ratings = Measure.REGISTER_BY_RATING.groups();
        StringBuilder table = new StringBuilder("<table id=\"register-trend-table\">\n<caption>People on the register "
                + "at month end, by rating</caption>\n<thead><tr><th scope=\"col\">Month</th>");
        ratings.forEach(rating -> table.append("<th scope=\"col\">").append(escape(rating)).append("</th>"));
        table.append("</tr></thead>\n<tbody>\n");
        page.trend().forEach(month -> {
            table.append("<tr><th scope=\"row\">").append(escape(month.month().toString())).append("</th>");
            ratings.forEach(rating -> table.append("<td>").append(escape(month.byRating().get(rating)))
                    .append("</td>"));
            table.append("</tr>\n");
        });
        return table.append("</tbody>\n</table>\n").toString();
    }

    private static Map<String, Map<String, String>> serviceGapsByLocality(PublishedMeasure recommendations) {
        Map<String, Map<String, String>> byLocality = new LinkedHashMap<>();
        for (PublishedCell cell : recommendations.cells()) {
            if (cell.dimension() == Dimension.LOCALITY) {
                byLocality.computeIfAbsent(cell.category(), locality -> new LinkedHashMap<>())
                        .put(cell.group(), cell.value());
            }
        }
        return byLocality;
    }

    private static String measureSection(PublishedMeasure measure) {
        Measure what = measure.measure();
        StringBuilder section = new StringBuilder();
        section.append("<section class=\"measure\" id=\"").append(escape(what.id())).append("\">\n<h2>")
                .append(escape(what.title())).append("</h2>\n<p class=\"csv\"><a href=\"")
                .append(escape(csvLink(measure))).append("\">").append(escape(what.id()))
                .append(".csv</a></p>\n");
        List<String> groups = measure.cells().stream().map(PublishedCell::group).distinct().toList();
        for (Dimension dimension : what.dimensions()) {
            section.append("<table class=\"cells\" data-measure=\"").append(escape(what.id()))
                    .append("\" data-dimension=\"").append(escape(dimension.name())).append("\">\n<caption>")
                    .append(escape(what.title())).append(", by ").append(escape(words(dimension)))
                    .append("</caption>\n<thead><tr><th scope=\"col\">").append(escape(words(dimension))).append("</th>");
            groups.forEach(group -> section.append("<th scope=\"col\">").append(escape(group)).append("</th>"));
            section.append("</tr></thead>\n<tbody>\n");
            Map<String, Map<String, PublishedCell>> rows = new LinkedHashMap<>();
            for (PublishedCell cell : measure.cells()) {
                if (cell.dimension() == dimension) {
                    rows.computeIfAbsent(cell.category(), category -> new LinkedHashMap<>()).put(cell.group(), cell);
                }
            }
            rows.forEach((category, byGroup) -> {
                section.append("<tr><th scope=\"row\">").append(escape(category)).append("</th>");
                groups.forEach(group -> section.append("<td>").append(escape(shown(byGroup.get(group))))
                        .append("</td>"));
                section.append("</tr>\n");
            });
            section.append("</tbody>\n</table>\n");
        }
        return section.append("</section>\n").toString();
    }

    /** A cell as a reader sees it: a count; a percentage with its figures; how many, the average and longest. */
    private static String shown(PublishedCell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.numerator() != null) {
            String percent = cell.value().matches("[0-9.]+") ? cell.value() + "%" : cell.value();
            return percent + " (" + cell.numerator() + " of " + cell.denominator() + ")";
        }
        if (cell.average() != null) {
            return cell.value() + " (average " + cell.average() + " days, longest " + cell.longest() + ")";
        }
        return cell.value();
    }

    /** Relative to the page, like the measures' CSV links. */
    private static final String RESTATEMENTS_CSV =
            "<p class=\"csv\"><a id=\"restatements-csv\" href=\"restatements.csv\">restatements.csv</a></p>\n";

    private static String restatements(List<PublishedRestatement> restatements) {
        StringBuilder section = new StringBuilder("<section id=\"restatements\">\n<h2>Restatements</h2>\n");
        if (restatements.isEmpty()) {
            return section.append("<p>Nothing counted in this period happened in an earlier month.</p>\n")
                    .append(RESTATEMENTS_CSV).append("</section>\n").toString();
        }
        section.append("<p>Counted in this period but happened in an earlier month, whose published figures are not "
                + "rewritten (ICB totals).</p>\n").append(RESTATEMENTS_CSV)
                .append("<table id=\"restatements-table\">\n<thead><tr><th scope=\"col\">"
                + "Measure</th><th scope=\"col\">Group</th><th scope=\"col\">Happened in</th><th scope=\"col\">"
                + "Count</th></tr></thead>\n<tbody>\n");
        for (PublishedRestatement restatement : restatements) {
            section.append("<tr><th scope=\"row\">").append(escape(restatement.measure().title())).append("</th><td>")
                    .append(escape(restatement.group())).append("</td><td>")
                    .append(escape(restatement.occurredIn().toString())).append("</td><td>")
                    .append(escape(restatement.value())).append("</td></tr>\n");
        }
        return section.append("</tbody>\n</table>\n</section>\n").toString();
    }

    private static String words(Dimension dimension) {
        return switch (dimension) {
            case TOTAL -> "ICB total";
            case LOCALITY -> "locality";
            case AGE_BAND -> "age band";
            case LIFE_STAGE -> "child or adult";
            case DIAGNOSIS -> "diagnosis";
            case ETHNIC_CATEGORY -> "ethnic category";
            case REFERRAL_SOURCE -> "referral source";
            case SERVICE_TYPE -> "service type";
        };
    }

    /** HTML-escapes text for element content and quoted attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
