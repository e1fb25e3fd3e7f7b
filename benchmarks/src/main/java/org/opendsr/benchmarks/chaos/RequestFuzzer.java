package org.opendsr.benchmarks.chaos;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Fuzzed HTTP requests through the gateway: a valid referral with one thing wrong (a field dropped, a wrong type,
 * a control character, a huge value, ...), bodies that are not JSON at all, and reads with made-up ids. Whatever
 * comes in, the answer must be 2xx or a 4xx problem; never a 5xx. The first requests go through every mutation
 * once, so even a short run tries each; the rest are drawn from the seed. Same seed, same requests.
 */
final class RequestFuzzer {

    /** One request: method, path (under the gateway), content type and body (null for none). */
    record FuzzedRequest(String mutation, String method, String path, String contentType, byte[] body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String REFERRALS = "/api/referrals";

    static final List<String> FIELDS = List.of("givenName", "familyName", "dateOfBirth", "postcode", "locality",
            "reasonForReferral", "currentIssues", "indicativeRag", "nhsNumber", "whatHasBeenTried");

    static final List<String> MUTATIONS = List.of(
            "NUL in a field", "control character in a field", "line separator in a field", "drop a field",
            "null a field", "number for a field", "boolean for a field", "array for a field", "object for a field",
            "huge string", "empty string", "whitespace only", "unknown enum value", "impossible date",
            "date far in the past", "date in the future", "emoji and combining marks", "right-to-left override",
            "huge number", "negative number", "extra unknown field", "deeply nested value", "duplicate keys",
            "truncated JSON", "not JSON", "empty body", "JSON array body", "JSON null body", "invalid UTF-8",
            "wrong content type", "read a made-up referral id", "read a made-up person id", "path traversal id",
            "SQL in a field", "HTML in a field");

    private final Random random;
    private int made;

    RequestFuzzer(long seed) {
        this.random = new Random(seed);
    }

    FuzzedRequest next() {
        int n = made++;
        String mutation = n < MUTATIONS.size() ? MUTATIONS.get(n) : MUTATIONS.get(random.nextInt(MUTATIONS.size()));
        String field = n < MUTATIONS.size() && mutation.startsWith("NUL") ? "givenName" : FIELDS.get(random.nextInt(FIELDS.size()));
        ObjectNode body = validBody(n);
        return switch (mutation) {
            case "NUL in a field" -> post(mutation, body.put(field, "A\u0000B"));
            case "control character in a field" -> post(mutation, body.put(field, "A" + (char) (1 + random.nextInt(31)) + "B"));
            case "line separator in a field" -> post(mutation, body.put(field, "A\u2028B\u0085C\u007f"));
            case "drop a field" -> post(mutation, without(body, field));
            case "null a field" -> post(mutation, body.putNull(field));
            case "number for a field" -> post(mutation, body.put(field, random.nextInt()));
            case "boolean for a field" -> post(mutation, body.put(field, random.nextBoolean()));
            case "array for a field" -> post(mutation, with(body, field, JSON.createArrayNode().add("A").add(1)));
            case "object for a field" -> post(mutation, with(body, field, JSON.createObjectNode().put("A", 1)));
            case "huge string" -> post(mutation, body.put(field, "x".repeat(50_000 + random.nextInt(200_000))));
            case "empty string" -> post(mutation, body.put(field, ""));
            case "whitespace only" -> post(mutation, body.put(field, " \t "));
            case "unknown enum value" -> post(mutation, body.put(random.nextBoolean() ? "locality" : "indicativeRag", "PURPLE"));
            case "impossible date" -> post(mutation, body.put("dateOfBirth", "2009-02-30"));
            case "date far in the past" -> post(mutation, body.put("dateOfBirth", "0001-01-01"));
            case "date in the future" -> post(mutation, body.put("dateOfBirth", "2999-12-31"));
            case "emoji and combining marks" -> post(mutation, body.put(field, "R\u0301i\u0308ley \uD83D\uDE00"));
            case "right-to-left override" -> post(mutation, body.put(field, "Ril\u202Eyel"));
            case "huge number" -> post(mutation, raw(mutation, body.toString().replace("\"" + body.get("indicativeRag").asText() + "\"", "1e400")));
            case "negative number" -> post(mutation, body.put(field, -random.nextInt(Integer.MAX_VALUE)));
            case "extra unknown field" -> post(mutation, body.put("role", "ADMIN").put("id", "00000000-0000-0000-0000-000000000000"));
            case "deeply nested value" -> post(mutation, with(body, field, nested(40 + random.nextInt(60))));
            case "duplicate keys" -> raw(mutation, body.toString().replaceFirst("\\{", "{\"givenName\":\"A\","));
            case "truncated JSON" -> raw(mutation, body.toString().substring(0, 1 + random.nextInt(body.toString().length() - 1)));
            case "not JSON" -> raw(mutation, "givenName=Riley&familyName=Sample");
            case "empty body" -> raw(mutation, "");
            case "JSON array body" -> raw(mutation, "[" + body + "]");
            case "JSON null body" -> raw(mutation, "null");
            case "invalid UTF-8" -> new FuzzedRequest(mutation, "POST", REFERRALS, "application/json", invalidUtf8(body));
            case "wrong content type" -> new FuzzedRequest(mutation, "POST", REFERRALS, "text/plain", utf8(body.toString()));
            case "read a made-up referral id" -> get(mutation, REFERRALS + "/" + madeUpId());
            case "read a made-up person id" -> get(mutation, "/api/people/" + madeUpId());
            case "path traversal id" -> get(mutation, REFERRALS + "/..%2F..%2Factuator%00");
            case "SQL in a field" -> post(mutation, body.put(field, "x'); DROP TABLE referral; --"));
            case "HTML in a field" -> post(mutation, body.put(field, "<script>alert(1)</script>"));
            default -> throw new IllegalStateException("no mutation " + mutation);
        };
    }

    /** The referral a professional would send, varied by index; every mutation starts from it. */
    static ObjectNode validBody(int index) {
        ObjectNode body = JSON.createObjectNode();
        body.put("givenName", "Fuzz");
        body.put("familyName", "Tester" + index);
        body.put("dateOfBirth", java.time.LocalDate.of(2010, 3, 1).minusDays(index % 365).toString());
        body.put("postcode", "SN1 2JH");
        body.put("locality", "SWINDON");
        body.put("reasonForReferral", "Increasing distress at home and school.");
        body.put("currentIssues", "Not sleeping, refusing to attend school.");
        body.put("indicativeRag", "AMBER");
        return body;
    }

    /** The POST body of the steady stream's {@code index}th referral (valid; must be answered 201). */
    static byte[] steadyReferral(int index) {
        ObjectNode body = validBody(index);
        body.put("givenName", "Steady");
        return utf8(body.toString());
    }

    private String madeUpId() {
        return switch (random.nextInt(4)) {
            case 0 -> new java.util.UUID(random.nextLong(), random.nextLong()).toString();
            case 1 -> "not-a-uuid";
            case 2 -> Long.toString(random.nextLong());
            default -> "%00";
        };
    }

    private static JsonNode nested(int depth) {
        ArrayNode root = JSON.createArrayNode();
        ArrayNode current = root;
        for (int i = 0; i < depth; i++) {
            current = current.addArray();
        }
        return root;
    }

    private static ObjectNode without(ObjectNode body, String field) {
        body.remove(field);
        return body;
    }

    private static ObjectNode with(ObjectNode body, String field, JsonNode value) {
        body.set(field, value);
        return body;
    }

    private static FuzzedRequest post(String mutation, ObjectNode body) {
        return new FuzzedRequest(mutation, "POST", REFERRALS, "application/json", utf8(body.toString()));
    }

    private static FuzzedRequest post(String mutation, FuzzedRequest raw) {
        return raw;
    }

    private static FuzzedRequest raw(String mutation, String body) {
        return new FuzzedRequest(mutation, "POST", REFERRALS, "application/json", utf8(body));
    }

    private static FuzzedRequest get(String mutation, String path) {
        return new FuzzedRequest(mutation, "GET", path, null, null);
    }

    private static byte[] invalidUtf8(ObjectNode body) {
        byte[] json = utf8(body.toString());
        int at = body.toString().indexOf("Fuzz");
        json[at] = (byte) 0xFF; // never valid in UTF-8
        return json;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, Object> describe(FuzzedRequest request) {
        return Map.of("mutation", request.mutation(), "method", request.method(), "path", request.path());
    }
}
