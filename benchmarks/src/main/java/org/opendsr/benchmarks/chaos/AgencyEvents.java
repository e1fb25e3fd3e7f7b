package org.opendsr.benchmarks.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Agency systems' events on the demo agency's own topic {@code dsr.agency.inbound.wiltshire-council} (issue 11: each
 * agency writes only its own topic, and its source must name the same agency): valid referrals (the contracts' golden sample, each about a
 * new person with a test-range NHS number) and bad events of many kinds, every one of which must end on
 * {@code dsr.agency.inbound.wiltshire-council.dlt} with a reason. All of it follows from the seed, so a run can be repeated.
 */
final class AgencyEvents {

    static final String TOPIC = "dsr.agency.inbound.wiltshire-council";
    static final String REFERRAL_SUBMITTED = "dsr.agency.referral-submitted.v1";
    static final String SOURCE = "/agency/wiltshire-council";
    static final String POISON = "poison: 2 MB lz4-compressed, too large to copy to the DLT";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate LATEST_DATE_OF_BIRTH = LocalDate.of(2009, 6, 1);

    /** An event to publish: its key, value, the CloudEvent id (null when it has none) and what kind it is. */
    record Event(String kind, String key, byte[] value, String eventId, String agencyReference) {
    }

    /** The kinds of bad event, each a way an agency system can get it wrong; {@link #bad} goes through them in turn. */
    static final List<String> BAD_KINDS = List.of(
            "not JSON", "empty value", "JSON array", "JSON string", "invalid UTF-8", "truncated JSON",
            "no type", "no id", "id not a UUID", "wrong specversion", "no data", "data not an object",
            "unknown type", "misspelt type", "no person", "no reasonForReferral", "no referrer",
            "dateOfBirth a number", "dateOfBirth not a date", "dateOfBirth in the future", "person an array",
            "NUL in givenName", "NUL in reasonForReferral", "control character in familyName",
            "reasonForReferral over 4000 characters", "NHS number fails Modulus 11", "NHS number too short",
            "unknown locality", "unknown indicativeRag", "address change about nobody known",
            "admission about nobody known", "source not a path");

    private final long seed;
    private final String runTag;
    private final Random random;
    private int people;

    AgencyEvents(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        this.runTag = Long.toString(Math.abs(seed % 100_000), 36).toUpperCase();
    }

    /** A valid referral about a new person: must become exactly one referral, never a dead letter. */
    synchronized Event valid() {
        int index = people++;
        String nhsNumber = nhsNumber(index);
        String agencyReference = "CHAOS-" + runTag + "-" + index;
        ObjectNode event = referral(index, nhsNumber, agencyReference);
        return new Event("valid", nhsNumber, bytes(event), event.get("id").asText(), agencyReference);
    }

    /** The {@code n}th bad event: the kinds in turn, then again, each with its own people and ids. */
    synchronized Event bad(int n) {
        String kind = BAD_KINDS.get(n % BAD_KINDS.size());
        int index = people++;
        String nhsNumber = nhsNumber(index);
        ObjectNode event = referral(index, nhsNumber, "CHAOS-" + runTag + "-BAD-" + n);
        ObjectNode data = (ObjectNode) event.get("data");
        ObjectNode person = (ObjectNode) data.get("person");
        byte[] value = switch (kind) {
            case "not JSON" -> utf8("referral for " + index + ": see attached");
            case "empty value" -> new byte[0];
            case "JSON array" -> utf8("[" + event + "]");
            case "JSON string" -> utf8(JSON.valueToTree(event.toString()).toString());
            case "invalid UTF-8" -> invalidUtf8(bytes(event));
            case "truncated JSON" -> truncate(bytes(event));
            case "no type" -> bytes(without(event, "type"));
            case "no id" -> bytes(without(event, "id"));
            case "id not a UUID" -> bytes(event.put("id", "event-" + index));
            case "wrong specversion" -> bytes(event.put("specversion", "0.3"));
            case "no data" -> bytes(without(event, "data"));
            case "data not an object" -> bytes(event.put("data", "see attached"));
            case "unknown type" -> bytes(event.put("type", "dsr.agency.referral-submitted.v9"));
            case "misspelt type" -> bytes(event.put("type", "dsr.agency.referal-submitted.v1"));
            case "no person" -> bytes(withoutData(event, data, "person"));
            case "no reasonForReferral" -> bytes(withoutData(event, data, "reasonForReferral"));
            case "no referrer" -> bytes(withoutData(event, data, "referrer"));
            case "dateOfBirth a number" -> bytes(set(event, () -> person.put("dateOfBirth", 20080901)));
            case "dateOfBirth not a date" -> bytes(set(event, () -> person.put("dateOfBirth", "2008-02-30")));
            case "dateOfBirth in the future" -> bytes(set(event, () -> person.put("dateOfBirth", "2099-01-01")));
            case "person an array" -> bytes(set(event, () -> data.putArray("person").add(person.deepCopy())));
            case "NUL in givenName" -> bytes(set(event, () -> person.put("givenName", "Ri\u0000ley")));
            case "NUL in reasonForReferral" -> bytes(set(event, () -> data.put("reasonForReferral", "At risk\u0000")));
            case "control character in familyName" -> bytes(set(event, () -> person.put("familyName", "Sam\u0007ple")));
            case "reasonForReferral over 4000 characters" ->
                    bytes(set(event, () -> data.put("reasonForReferral", "x".repeat(4001))));
            case "NHS number fails Modulus 11" -> bytes(set(event, () -> person.put("nhsNumber", failingModulus11(nhsNumber))));
            case "NHS number too short" -> bytes(set(event, () -> person.put("nhsNumber", "999123")));
            case "unknown locality" -> bytes(set(event, () -> person.put("locality", "ATLANTIS")));
            case "unknown indicativeRag" -> bytes(set(event, () -> data.put("indicativeRag", "PURPLE")));
            case "address change about nobody known" -> bytes(addressChange(index, nhsNumber));
            case "admission about nobody known" -> bytes(admission(index, nhsNumber));
            case "source not a path" -> bytes(event.put("source", "wiltshire council"));
            default -> throw new IllegalStateException("no bad event of kind " + kind);
        };
        return new Event(kind, nhsNumber, value, null, null);
    }

    /**
     * A record the broker accepts but that can never be copied to the dead-letter topic as it is: an event of
     * about 2 MB that compresses (lz4) to far less than the broker's 1 MB limit. Its schema refuses it (the reason
     * is far over 4000 characters), and the producer that copies it to the DLT checks the uncompressed size.
     */
    synchronized Event poison() {
        int index = people++;
        String nhsNumber = nhsNumber(index);
        ObjectNode event = referral(index, nhsNumber, "CHAOS-" + runTag + "-POISON");
        ((ObjectNode) event.get("data")).put("reasonForReferral", "Escalating distress. ".repeat(100_000));
        return new Event(POISON, nhsNumber, bytes(event), null, null);
    }

    private ObjectNode referral(int index, String nhsNumber, String agencyReference) {
        ObjectNode event = envelope(REFERRAL_SUBMITTED, agencyReference);
        ObjectNode data = event.putObject("data");
        data.put("agencyReference", agencyReference);
        ObjectNode person = data.putObject("person");
        person.put("nhsNumber", nhsNumber);
        person.put("givenName", "Riley");
        person.put("familyName", "Chaos" + runTag + "x" + index);
        person.put("dateOfBirth", LATEST_DATE_OF_BIRTH.minusDays(index % 365).toString());
        ObjectNode address = person.putObject("address");
        address.put("line1", "Flat 2, 14 Example Street");
        address.put("town", "Swindon");
        address.put("postcode", "SN1 2JH");
        person.put("locality", "WILTSHIRE");
        person.put("phone", "01234 567890");
        person.put("diagnosis", "AUTISM");
        data.put("reasonForReferral", "Placement breakdown risk");
        data.put("currentIssues", "Escalating distress");
        data.put("whatHasBeenTried", "Respite weekends");
        data.put("indicativeRag", "AMBER");
        ObjectNode referrer = data.putObject("referrer");
        referrer.put("name", "Dana Worker");
        referrer.put("role", "Social worker");
        referrer.put("organisation", "Wiltshire Council");
        referrer.put("email", "dana.worker@example.org");
        return event;
    }

    private ObjectNode addressChange(int index, String nhsNumber) {
        ObjectNode event = envelope("dsr.agency.address-changed.v2", "CHAOS-" + runTag + "-ADDR-" + index);
        ObjectNode data = event.putObject("data");
        data.put("nhsNumber", nhsNumber);
        data.put("dateOfBirth", "2008-09-01");
        ObjectNode address = data.putObject("address");
        address.put("line1", "1 New Street");
        address.put("town", "Swindon");
        address.put("postcode", "SN1 1AA");
        data.put("locality", "SWINDON");
        data.put("effectiveFrom", "2026-11-20");
        return event;
    }

    private ObjectNode admission(int index, String nhsNumber) {
        ObjectNode event = envelope("dsr.agency.admission-reported.v2", "CHAOS-" + runTag + "-ADM-" + index);
        ObjectNode data = event.putObject("data");
        data.put("nhsNumber", nhsNumber);
        data.put("dateOfBirth", "2008-09-01");
        data.put("admittedOn", "2026-11-20");
        data.put("hospital", "Example Hospital");
        return event;
    }

    private ObjectNode envelope(String type, String subject) {
        ObjectNode event = JSON.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L).toString());
        event.put("source", SOURCE);
        event.put("type", type);
        event.put("subject", subject);
        event.put("time", Instant.ofEpochSecond(1_790_000_000L + seed % 1000).toString());
        event.put("datacontenttype", "application/json");
        event.put("dataschema", "urn:dsr:schema:" + type);
        return event;
    }

    /** A test-range NHS number (999...) that passes Modulus 11, different for each index in a run. */
    static String nhsNumber(int index) {
        for (int candidate = index * 11; ; candidate++) {
            String nine = "999" + String.format("%06d", candidate % 1_000_000);
            int check = checkDigit(nine);
            if (check != 10) {
                return nine + check;
            }
        }
    }

    static int checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += Character.digit(nineDigits.charAt(i), 10) * (10 - i);
        }
        int check = 11 - (sum % 11);
        return check == 11 ? 0 : check;
    }

    private static String failingModulus11(String nhsNumber) {
        int wrong = (Character.digit(nhsNumber.charAt(9), 10) + 1) % 10;
        return nhsNumber.substring(0, 9) + wrong;
    }

    private static ObjectNode without(ObjectNode event, String field) {
        event.remove(field);
        return event;
    }

    private static ObjectNode withoutData(ObjectNode event, ObjectNode data, String field) {
        data.remove(field);
        return event;
    }

    private static ObjectNode set(ObjectNode event, Runnable change) {
        change.run();
        return event;
    }

    private static byte[] invalidUtf8(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        int at = text.indexOf("Riley");
        byte[] before = utf8(text.substring(0, at));
        byte[] after = utf8(text.substring(at));
        byte[] result = new byte[before.length + 2 + after.length];
        System.arraycopy(before, 0, result, 0, before.length);
        result[before.length] = (byte) 0xC3; // a lead byte followed by another lead byte: never valid UTF-8
        result[before.length + 1] = (byte) 0xC3;
        System.arraycopy(after, 0, result, before.length + 2, after.length);
        return result;
    }

    private static byte[] truncate(byte[] json) {
        byte[] half = new byte[json.length / 2];
        System.arraycopy(json, 0, half, 0, half.length);
        return half;
    }

    static byte[] bytes(ObjectNode event) {
        return utf8(event.toString());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
