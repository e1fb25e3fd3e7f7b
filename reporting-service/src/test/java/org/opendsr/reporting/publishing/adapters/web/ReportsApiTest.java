package org.opendsr.reporting.publishing.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.reporting.measures.domain.Dimension;
import org.opendsr.reporting.measures.domain.Measure;
import org.opendsr.reporting.measures.domain.MonthCells;
import org.opendsr.reporting.measures.domain.RawCell;
import org.opendsr.reporting.measures.domain.Restatement;
import org.opendsr.reporting.publishing.domain.ReportingPeriod;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.DsrTestEnvironment;
import org.opendsr.testkit.TestTokens;

/**
 * reporting-service's published reports, on the real service (PostgreSQL, Kafka, tokens) with the months' figures
 * given by the test in place of the snapshots: the JSON's shape, the CSV read back as a table, the report page
 * rendered by a browser (HtmlUnit) with its SVG charts and tables, who may read them, and the periods refused.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsApiTest implements TestPropertyProvider {

    static final YearMonth OCTOBER = YearMonth.of(2025, 10);
    static final YearMonth NOVEMBER = YearMonth.of(2025, 11);
    static final YearMonth DECEMBER = YearMonth.of(2025, 12);
    /** A locality the figures hold beyond the configured list, with characters HTML must escape. */
    static final String ODD_LOCALITY = "<b>X&Y</b>";

    @Inject
    EmbeddedServer server;

    @Inject
    InMemoryMonthFigures figures;

    private ApiClient api;
    private String analyst;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DsrTestEnvironment.forService("reporting"));
        properties.put("spec.name", "ReportsApiTest");
        return properties;
    }

    @BeforeAll
    void seed() {
        api = new ApiClient(server.getURL().toString());
        analyst = TestTokens.get().tokenFor("chris.lee@bsw-icb.example", DsrRoles.ANALYST);
        figures.put(cut(OCTOBER, List.of(
                count(Measure.REFERRALS_RECEIVED, Measure.ALL, Dimension.TOTAL, Dimension.ALL, 5),
                count(Measure.REGISTER_BY_RATING, "RED", Dimension.TOTAL, Dimension.ALL, 20)), List.of()));
        figures.put(cut(NOVEMBER, List.of(
                count(Measure.REFERRALS_RECEIVED, Measure.ALL, Dimension.TOTAL, Dimension.ALL, 13),
                count(Measure.REFERRALS_RECEIVED, Measure.ALL, Dimension.LOCALITY, "SWINDON", 12),
                count(Measure.REFERRALS_RECEIVED, Measure.ALL, Dimension.LOCALITY, "WILTSHIRE", 1),
                count(Measure.REFERRALS_RECEIVED, Measure.ALL, Dimension.LOCALITY, ODD_LOCALITY, 9),
                count(Measure.REGISTER_BY_RATING, "RED", Dimension.TOTAL, Dimension.ALL, 8),
                count(Measure.REGISTER_BY_RATING, "AMBER", Dimension.TOTAL, Dimension.ALL, 7),
                new RawCell(Measure.FIRST_CONTACT_ON_TIME, Measure.ALL, Dimension.TOTAL, Dimension.ALL, 12, 13L, null,
                        null),
                new RawCell(Measure.TIME_TO_DECISION, "ACCEPTED", Dimension.TOTAL, Dimension.ALL, 8, null, 100L, 31L),
                count(Measure.SERVICE_RECOMMENDATIONS, "MADE", Dimension.LOCALITY, "SWINDON", 9),
                count(Measure.SERVICE_RECOMMENDATIONS, "UNMET", Dimension.LOCALITY, "SWINDON", 8),
                count(Measure.SERVICE_RECOMMENDATIONS, "MADE", Dimension.SERVICE_TYPE, "SHORT_BREAKS", 9)),
                List.of(new Restatement(Measure.REFERRALS_RECEIVED, Measure.ALL, OCTOBER, 2))));
        figures.put(cut(DECEMBER, List.of(
                count(Measure.REFERRALS_RECEIVED, Measure.ALL, Dimension.TOTAL, Dimension.ALL, 4),
                count(Measure.REGISTER_BY_RATING, "RED", Dimension.TOTAL, Dimension.ALL, 9)), List.of()));
    }

    // ---- JSON ----------------------------------------------------------------------------------------------------

    @Test
    void aClosedMonthsReportHasTheAgreedShape() {
        ApiResponse response = api.get("/reports/2025-11", analyst);

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode report = response.json();
        assertThat(report.get("period").asText()).isEqualTo("2025-11");
        assertThat(report.get("periodKind").asText()).isEqualTo("MONTH");
        assertThat(report.get("firstMonth").asText()).isEqualTo("2025-11");
        assertThat(report.get("lastMonth").asText()).isEqualTo("2025-11");
        assertThat(report.get("status").asText()).isEqualTo("FINAL");
        assertThat(report.get("cutAt").asText()).isEqualTo(InMemoryMonthFigures.cutAtOf(NOVEMBER).toString());
        assertThat(report.get("disclosureControl").asText()).startsWith("NHS Digital disclosure control:")
                .contains("1 to 7").contains("nearest 5");
        List<String> ids = new ArrayList<>();
        report.get("measures").forEach(measure -> ids.add(measure.get("id").asText()));
        assertThat(ids).containsExactly(java.util.Arrays.stream(Measure.values()).map(Measure::id)
                .toArray(String[]::new));

        JsonNode received = measure(report, "referrals-received");
        assertThat(received.get("title").asText()).isEqualTo(Measure.REFERRALS_RECEIVED.title());
        assertThat(received.get("unit").asText()).isEqualTo("COUNT");
        assertThat(received.get("csv").asText()).isEqualTo("/api/reports/2025-11/measures/referrals-received.csv");
        JsonNode total = received.get("cells").get(0);
        assertThat(total.get("group").asText()).isEqualTo("ALL");
        assertThat(total.get("dimension").asText()).isEqualTo("TOTAL");
        assertThat(total.get("category").asText()).isEqualTo("ALL");
        assertThat(total.get("value").asText()).isEqualTo("15");
        assertThat(total.get("suppressed").asBoolean()).isFalse();
        assertThat(total.has("numerator")).isFalse();
        assertThat(total.has("average")).isFalse();
        assertThat(cell(report, "referrals-received", "ALL", "LOCALITY", "SWINDON").get("value").asText()).isEqualTo("10");
        JsonNode wiltshire = cell(report, "referrals-received", "ALL", "LOCALITY", "WILTSHIRE");
        assertThat(wiltshire.get("value").asText()).isEqualTo("*");
        assertThat(wiltshire.get("suppressed").asBoolean()).isTrue();
        assertThat(cell(report, "referrals-received", "ALL", "LOCALITY", "BATH_AND_NORTH_EAST_SOMERSET")
                .get("value").asText()).isEqualTo("0");
        assertThat(cell(report, "referrals-received", "ALL", "LOCALITY", ODD_LOCALITY).get("value").asText())
                .isEqualTo("10");
        assertThat(cell(report, "referrals-received", "ALL", "ETHNIC_CATEGORY", "NOT_RECORDED").get("value").asText())
                .isEqualTo("0");

        assertThat(cell(report, "register-by-rating", "RED", "TOTAL", "ALL").get("value").asText()).isEqualTo("10");
        assertThat(cell(report, "register-by-rating", "AMBER", "TOTAL", "ALL").get("value").asText()).isEqualTo("*");
        assertThat(cell(report, "register-by-rating", "BLUE", "TOTAL", "ALL").get("value").asText()).isEqualTo("0");

        JsonNode firstContact = cell(report, "first-contact-on-time", "ALL", "TOTAL", "ALL");
        assertThat(firstContact.get("numerator").asText()).isEqualTo("10");
        assertThat(firstContact.get("denominator").asText()).isEqualTo("15");
        assertThat(firstContact.get("value").asText()).isEqualTo("66.7");
        assertThat(cell(report, "first-contact-on-time", "ALL", "LOCALITY", "SWINDON").get("value").asText())
                .isEqualTo("-");

        JsonNode decisions = cell(report, "time-to-decision", "ACCEPTED", "TOTAL", "ALL");
        assertThat(decisions.get("value").asText()).isEqualTo("10");
        // 8 measured, 100 days, the longest 31: the average in whole days, the longest to the nearest 5 days.
        assertThat(decisions.get("average").asText()).isEqualTo("13");
        assertThat(decisions.get("longest").asText()).isEqualTo("30");
        assertThat(cell(report, "time-to-decision", "DECLINED", "TOTAL", "ALL").get("average").asText()).isEqualTo("*");

        // The configured categories (dsr.reporting.localities, dsr.reporting.service-types) are shown, 0 where 0.
        assertThat(cell(report, "service-recommendations", "UNMET", "SERVICE_TYPE", "HOUSING").get("value").asText())
                .isEqualTo("0");
        assertThat(cell(report, "service-recommendations", "MET", "SERVICE_TYPE", "INTENSIVE_SUPPORT_TEAM")
                .get("value").asText()).isEqualTo("0");
        assertThat(cell(report, "service-recommendations", "MADE", "LOCALITY", "OUT_OF_AREA").get("value").asText())
                .isEqualTo("0");

        assertThat(report.get("restatements")).hasSize(1);
        JsonNode restated = report.get("restatements").get(0);
        assertThat(restated.get("measure").asText()).isEqualTo("referrals-received");
        assertThat(restated.get("group").asText()).isEqualTo("ALL");
        assertThat(restated.get("occurredIn").asText()).isEqualTo("2025-10");
        assertThat(restated.get("value").asText()).isEqualTo("*");
        assertThat(restated.get("suppressed").asBoolean()).isTrue();
        assertThat(report.get("restatementsCsv").asText()).isEqualTo("/api/reports/2025-11/restatements.csv");
    }

    @Test
    void everyCellIsSuppressedExactlyWhenItsValueIsAStar() {
        JsonNode report = api.get("/reports/2025-11", analyst).json();

        report.get("measures").forEach(measure -> measure.get("cells").forEach(cell ->
                assertThat(cell.get("suppressed").asBoolean()).as(cell.toString())
                        .isEqualTo("*".equals(cell.get("value").asText()))));
    }

    @Test
    void aQuarterAddsUpItsMonthsAndTakesTheRegisterAtItsLastMonthEnd() {
        JsonNode quarter = api.get("/reports/2025-Q4", analyst).json();

        assertThat(quarter.get("periodKind").asText()).isEqualTo("QUARTER");
        assertThat(quarter.get("firstMonth").asText()).isEqualTo("2025-10");
        assertThat(quarter.get("lastMonth").asText()).isEqualTo("2025-12");
        assertThat(quarter.get("status").asText()).isEqualTo("FINAL");
        assertThat(quarter.get("cutAt").asText()).isEqualTo(InMemoryMonthFigures.cutAtOf(DECEMBER).toString());
        // 5 + 13 + 4 = 22 received; 9 RED at the end of December.
        assertThat(cell(quarter, "referrals-received", "ALL", "TOTAL", "ALL").get("value").asText()).isEqualTo("20");
        assertThat(cell(quarter, "register-by-rating", "RED", "TOTAL", "ALL").get("value").asText()).isEqualTo("10");
    }

    @Test
    void aFinancialYearRunsAprilToMarch() {
        JsonNode year = api.get("/reports/FY2025-26", analyst).json();

        assertThat(year.get("periodKind").asText()).isEqualTo("FINANCIAL_YEAR");
        assertThat(year.get("firstMonth").asText()).isEqualTo("2025-04");
        assertThat(year.get("lastMonth").asText()).isEqualTo("2026-03");
        assertThat(cell(year, "referrals-received", "ALL", "TOTAL", "ALL").get("value").asText()).isEqualTo("20");
        // Nobody was RED at the end of March 2026, the year's last month.
        assertThat(cell(year, "register-by-rating", "RED", "TOTAL", "ALL").get("value").asText()).isEqualTo("0");
    }

    @Test
    void theOpenMonthIsProvisionalAndAMonthNotYetBegunIsNotFound() {
        YearMonth thisMonth = YearMonth.now(ReportingPeriod.ENGLAND);

        JsonNode open = api.get("/reports/" + thisMonth, analyst).json();
        assertThat(open.get("status").asText()).isEqualTo("PROVISIONAL");
        assertThat(open.get("cutAt").isNull()).isTrue();

        ApiResponse future = api.get("/reports/" + thisMonth.plusMonths(1), analyst);
        assertThat(future.status()).isEqualTo(404);
        assertThat(future.contentType()).startsWith("application/problem+json");
    }

    @Test
    void oneMeasureCanBeAskedForAlone() {
        JsonNode report = api.get("/reports/2025-11?measure=referrals-received", analyst).json();

        assertThat(report.get("measures")).hasSize(1);
        assertThat(report.get("measures").get(0).get("id").asText()).isEqualTo("referrals-received");
        assertThat(cell(report, "referrals-received", "ALL", "TOTAL", "ALL").get("value").asText()).isEqualTo("15");
        JsonNode whole = api.get("/reports/2025-11", analyst).json();
        assertThat(report.get("measures").get(0)).isEqualTo(measure(whole, "referrals-received"));

        ApiResponse unknown = api.get("/reports/2025-11?measure=referrals", analyst);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").findValuesAsText("field")).containsExactly("measure");
    }

    @Test
    void aClosedMonthsOutputsAreTheSameByteForByteOnEveryRequest() {
        for (String path : List.of("/reports/2025-11", "/reports/2025-Q4", "/reports/2025-11/page",
                "/reports/2025-11/measures/first-contact-on-time.csv", "/reports/2025-11/restatements.csv")) {
            String first = api.get(path, analyst).text();
            String second = api.get(path, TestTokens.get().tokenFor("someone-else", DsrRoles.DSR_LEAD)).text();
            assertThat(second).as(path).isEqualTo(first);
        }
    }

    // ---- CSV -----------------------------------------------------------------------------------------------------

    @Test
    void aMeasuresCsvIsOneTidyTable() throws IOException {
        ApiResponse response = api.get("/reports/2025-11/measures/referrals-received.csv", analyst);

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        assertThat(response.header("Content-Disposition")).contains("dsr-2025-11-referrals-received.csv");
        List<CSVRecord> rows = csv(response.text());
        JsonNode json = measure(api.get("/reports/2025-11", analyst).json(), "referrals-received");
        assertThat(rows).hasSize(json.get("cells").size());
        assertThat(rows.get(0).getParser().getHeaderNames()).containsExactly("period", "measure", "group",
                "dimension", "category", "value", "suppressed", "status");
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            JsonNode cell = json.get("cells").get(i);
            assertThat(row.get("period")).isEqualTo("2025-11");
            assertThat(row.get("measure")).isEqualTo("referrals-received");
            assertThat(row.get("group")).isEqualTo(cell.get("group").asText());
            assertThat(row.get("dimension")).isEqualTo(cell.get("dimension").asText());
            assertThat(row.get("category")).isEqualTo(cell.get("category").asText());
            assertThat(row.get("value")).isEqualTo(cell.get("value").asText());
            assertThat(row.get("suppressed")).isEqualTo(cell.get("suppressed").asText());
            assertThat(row.get("status")).isEqualTo("FINAL");
        }
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get("category")).isEqualTo(ODD_LOCALITY);
            assertThat(row.get("value")).isEqualTo("10");
        });
    }

    @Test
    void aPercentagesCsvCarriesItsPublishedFiguresAndDaysTheirAverageAndLongest() throws IOException {
        List<CSVRecord> percent = csv(api.get("/reports/2025-11/measures/first-contact-on-time.csv", analyst).text());
        assertThat(percent.get(0).getParser().getHeaderNames()).containsExactly("period", "measure", "group",
                "dimension", "category", "value", "suppressed", "numerator", "denominator", "status");
        assertThat(percent.get(0).toList()).containsExactly("2025-11", "first-contact-on-time", "ALL", "TOTAL", "ALL",
                "66.7", "false", "10", "15", "FINAL");

        List<CSVRecord> days = csv(api.get("/reports/2025-11/measures/time-to-decision.csv", analyst).text());
        assertThat(days.get(0).getParser().getHeaderNames()).containsExactly("period", "measure", "group",
                "dimension", "category", "value", "suppressed", "average", "longest", "status");
        assertThat(days.get(0).toList()).containsExactly("2025-11", "time-to-decision", "ACCEPTED", "TOTAL", "ALL",
                "10", "false", "13", "30", "FINAL");
    }

    @Test
    void theRestatementsAreATableOfTheirOwnWithTheJsonsFigures() throws IOException {
        ApiResponse response = api.get("/reports/2025-11/restatements.csv", analyst);

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        assertThat(response.header("Content-Disposition")).contains("dsr-2025-11-restatements.csv");
        List<CSVRecord> rows = csv(response.text());
        assertThat(rows.get(0).getParser().getHeaderNames()).containsExactly("period", "measure", "group",
                "occurredIn", "value", "suppressed", "status");
        // Two referrals received in October arrived after October's cut: counted in November, suppressed.
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).toList()).containsExactly("2025-11", "referrals-received", "ALL", "2025-10", "*",
                "true", "FINAL");
    }

    @Test
    void aPeriodWithoutRestatementsHasAnEmptyRestatementsTable() throws IOException {
        String text = api.get("/reports/2025-10/restatements.csv", analyst).text();

        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            assertThat(parser.getHeaderNames()).containsExactly("period", "measure", "group", "occurredIn", "value",
                    "suppressed", "status");
            assertThat(parser.getRecords()).isEmpty();
        }
    }

    @Test
    void anUnknownMeasuresCsvIsNotFound() {
        ApiResponse response = api.get("/reports/2025-11/measures/no-such-measure.csv", analyst);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    // ---- the report page -----------------------------------------------------------------------------------------

    @Test
    void theReportPageRendersWithItsChartsAndTables() throws IOException {
        try (WebClient browser = browser(analyst)) {
            HtmlPage page = browser.getPage(new URL(server.getURL(), "/reports/2025-11/page"));

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(page.getWebResponse().getContentType()).isEqualTo("text/html");
            assertThat(page.getTitleText()).isEqualTo("DSR report for commissioners: 2025-11");
            assertThat(page.getElementById("status").getTextContent()).isEqualTo("FINAL");

            DomElement trend = page.getElementById("register-trend");
            assertThat(trend.getElementsByTagName("svg")).hasSize(1);
            assertThat(trend.getElementsByTagName("svg").get(0).asXml()).contains("People on the register",
                    ">Nov ", ">2025<", ">RED<");
            DomElement gaps = page.getElementById("service-gaps");
            assertThat(gaps.getElementsByTagName("svg")).hasSize(1);
            assertThat(gaps.getElementsByTagName("svg").get(0).asXml()).contains("SWINDON");

            HtmlTable trendTable = page.getHtmlElementById("register-trend-table");
            // A header row and the 12 months to November 2025.
            assertThat(trendTable.getRowCount()).isEqualTo(13);
            assertThat(trendTable.getRow(12).getCell(0).asNormalizedText()).isEqualTo("2025-11");
            assertThat(trendTable.getRow(11).getCell(1).asNormalizedText()).isEqualTo("20");
            assertThat(trendTable.getRow(12).getCell(1).asNormalizedText()).isEqualTo("10");
            assertThat(trendTable.getRow(12).getCell(2).asNormalizedText()).isEqualTo("*");

            List<HtmlTable> tables = page.getByXPath("//table[@data-measure='referrals-received']");
            assertThat(tables).hasSize(Measure.REFERRALS_RECEIVED.dimensions().size());
            HtmlTable byLocality = page.getFirstByXPath(
                    "//table[@data-measure='referrals-received'][@data-dimension='LOCALITY']");
            assertThat(byLocality.getRow(1).getCell(0).asNormalizedText()).isEqualTo("SWINDON");
            assertThat(byLocality.getRow(1).getCell(1).asNormalizedText()).isEqualTo("10");
            // The odd locality is shown as text, not as markup.
            assertThat(byLocality.asNormalizedText()).contains(ODD_LOCALITY);
            assertThat(byLocality.getElementsByTagName("b")).isEmpty();

            assertThat(page.getAnchors()).anySatisfy(anchor ->
                    assertThat(anchor.getHrefAttribute()).isEqualTo("measures/referrals-received.csv"));
            assertThat(page.getAnchors()).anySatisfy(anchor ->
                    assertThat(anchor.getHrefAttribute()).isEqualTo("restatements.csv"));
            assertThat(page.getWebResponse().getContentAsString()).contains("@media print");
        }
    }

    @Test
    void thePageAndTheCsvAreEscapedAndCarryTheStatus() {
        String page = api.get("/reports/2025-11/page", analyst).text();

        assertThat(page).contains("&lt;b&gt;X&amp;Y&lt;/b&gt;").doesNotContain(ODD_LOCALITY);
        assertThat(page).contains("Restatements");
    }

    // ---- who may read reports ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} may read every output")
    @ValueSource(strings = {DsrRoles.ANALYST, DsrRoles.DSR_LEAD, DsrRoles.DSR_TEAM})
    void analystsLeadsAndTheDsrTeamMayReadReports(String role) {
        String token = TestTokens.get().tokenFor("reader-" + role, role);
        for (String path : outputs()) {
            assertThat(api.get(path, token).status()).as(role + " " + path).isEqualTo(200);
        }
    }

    @ParameterizedTest(name = "{0} may not")
    @ValueSource(strings = {DsrRoles.PROFESSIONAL, DsrRoles.AGENCY_SYSTEM, DsrRoles.ADMIN})
    void nobodyElseMay(String role) {
        String token = TestTokens.get().tokenFor("not-a-reader-" + role, role);
        for (String path : outputs()) {
            ApiResponse response = api.get(path, token);
            assertThat(response.status()).as(role + " " + path).isEqualTo(403);
            assertThat(response.contentType()).as(role + " " + path).startsWith("application/problem+json");
        }
    }

    @Test
    void withoutATokenNobodyMay() {
        for (String path : outputs()) {
            assertThat(api.get(path, null).status()).as(path).isEqualTo(401);
        }
    }

    // ---- periods ---------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} is refused naming period")
    @ValueSource(strings = {"2025-13", "2025-00", "2025-1", "2025-Q5", "FY2025-27", "2025-11..2025-12", "last-month",
            "2025", "25-11"})
    void anythingButAMonthQuarterOrFinancialYearIsRefusedNamingPeriod(String period) {
        for (String path : List.of("/reports/" + period, "/reports/" + period + "/page",
                "/reports/" + period + "/measures/referrals-received.csv",
                "/reports/" + period + "/restatements.csv")) {
            ApiResponse response = api.get(path, analyst);
            assertThat(response.status()).as(path + ": " + response.text()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("errors").findValuesAsText("field")).as(path).containsExactly("period");
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static List<String> outputs() {
        return List.of("/reports/2025-11", "/reports/2025-11/measures/register-by-rating.csv", "/reports/2025-11/page",
                "/reports/2025-11/restatements.csv");
    }

    private static WebClient browser(String token) {
        WebClient browser = new WebClient();
        browser.getOptions().setJavaScriptEnabled(false);
        browser.getOptions().setCssEnabled(false);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(true);
        browser.addRequestHeader("Authorization", "Bearer " + token);
        return browser;
    }

    private static List<CSVRecord> csv(String text) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            return parser.getRecords();
        }
    }

    private static JsonNode measure(JsonNode report, String id) {
        for (JsonNode measure : report.get("measures")) {
            if (measure.get("id").asText().equals(id)) {
                return measure;
            }
        }
        throw new AssertionError("no measure " + id);
    }

    private static JsonNode cell(JsonNode report, String measure, String group, String dimension, String category) {
        for (JsonNode cell : measure(report, measure).get("cells")) {
            if (cell.get("group").asText().equals(group) && cell.get("dimension").asText().equals(dimension)
                    && cell.get("category").asText().equals(category)) {
                return cell;
            }
        }
        throw new AssertionError("no cell " + group + "/" + dimension + "/" + category + " in " + measure);
    }

    private static MonthCells cut(YearMonth month, List<RawCell> cells, List<Restatement> restatements) {
        return new MonthCells(month, false, InMemoryMonthFigures.cutAtOf(month), cells, restatements);
    }

    private static RawCell count(Measure measure, String group, Dimension dimension, String category, long count) {
        return RawCell.count(measure, group, dimension, category, count);
    }

}
