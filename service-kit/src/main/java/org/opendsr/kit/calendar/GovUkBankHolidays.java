package org.opendsr.kit.calendar;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opendsr.kit.calendar.domain.BankHolidays;

/**
 * GOV.UK's {@code bank-holidays.json} format: {@code {"england-and-wales": {"division": ..., "events": [{"title",
 * "date", "notes", "bunting"}]}, "scotland": ..., "northern-ireland": ...}}. Only the England and Wales division is
 * read; {@code bunting} is not authoritative and is ignored.
 */
public final class GovUkBankHolidays {

    public static final String DIVISION = "england-and-wales";

    /** England and Wales has had at least 8 bank holidays every year since 1978: fewer means a truncated list. */
    static final int FEWEST_PLAUSIBLE_PER_YEAR = 8;

    private static final ObjectMapper JSON = new ObjectMapper();

    private GovUkBankHolidays() {
    }

    /** Thrown when a text is not a usable publication; the message names the problem, never a date. */
    public static final class NotAPublication extends IllegalArgumentException {
        NotAPublication(String problem) {
            super("not a GOV.UK bank holidays publication: " + problem);
        }
    }

    /** The England and Wales dates of a publication. */
    public static BankHolidays parse(String json) {
        return BankHolidays.published(dates(json));
    }

    /** The publication cut down to the England and Wales division, still in GOV.UK's format (what is stored). */
    public static String englandAndWalesOnly(String json) {
        JsonNode division = division(read(json));
        ObjectNode kept = JSON.createObjectNode();
        kept.set(DIVISION, division);
        return kept.toString();
    }

    static List<LocalDate> dates(String json) {
        JsonNode events = division(read(json)).get("events");
        List<LocalDate> dates = new ArrayList<>();
        Map<Integer, Integer> perYear = new TreeMap<>();
        for (JsonNode event : events) {
            JsonNode date = event.get("date");
            if (date == null || !date.isTextual()) {
                throw new NotAPublication("an event has no date");
            }
            try {
                LocalDate day = LocalDate.parse(date.asText());
                dates.add(day);
                perYear.merge(day.getYear(), 1, Integer::sum);
            } catch (DateTimeParseException e) {
                throw new NotAPublication("an event's date is not YYYY-MM-DD");
            }
        }
        perYear.forEach((year, count) -> {
            if (count < FEWEST_PLAUSIBLE_PER_YEAR) {
                throw new NotAPublication(year + " has only " + count + " bank holidays");
            }
        });
        return dates;
    }

    private static JsonNode read(String json) {
        try {
            JsonNode tree = json == null ? null : JSON.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new NotAPublication("not a JSON object");
            }
            return tree;
        } catch (IOException e) {
            throw new NotAPublication("not JSON");
        }
    }

    private static JsonNode division(JsonNode tree) {
        JsonNode division = tree.get(DIVISION);
        if (division == null || !division.isObject()) {
            throw new NotAPublication("no " + DIVISION + " division");
        }
        JsonNode events = division.get("events");
        if (events == null || !events.isArray() || events.isEmpty()) {
            throw new NotAPublication("no events for " + DIVISION);
        }
        return division;
    }
}
