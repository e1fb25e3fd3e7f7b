package org.opendsr.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.yaml.snakeyaml.Yaml;

/**
 * The access matrix (issue 11): every route of every service's published OpenAPI document, called through the
 * gateway by every kind of caller the API tells apart, with the right audience and with a foreign one, against
 * what {@code access-matrix.yml} says each may do. A route with no expectation fails the build, and so does an
 * expectation for a route that no longer exists, so the matrix cannot fall behind the API.
 *
 * <p>A cell is <em>allowed</em> when the call got past access control (any status but 401, 403, 404; a 400 or 409
 * about the body or the record's state still means the caller was let in) and <em>denied</em> on 401, 403 or 404.
 * Writes carry valid bodies, so that a denied cell is denied by access control and not by validation. Any 5xx fails.
 * No 2xx answer to a caller who may not see the seeded person contains that person's name, NHS number, date of birth
 * or postcode.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(DsrJourney.class)
class AccessMatrixTest {

    /** The callers the API distinguishes, as the matrix names them, and the demo user each one is. */
    enum Identity {
        ANONYMOUS("anonymous", null),
        AGENCY("agency", "agency-system"),
        ANALYST("analyst", "analyst"),
        ADMIN("admin", "admin"),
        OUTSIDER("outsider", "professional-2"),
        INSIDER("insider", "professional"),
        TEAM_IN_AREA("team-in-area", "dsr-team"),
        TEAM_OUT_OF_AREA("team-out-of-area", "dsr-team-wiltshire"),
        LEAD("lead", "dsr-lead");

        final String name;
        final String demoUser;

        Identity(String name, String demoUser) {
            this.name = name;
            this.demoUser = demoUser;
        }

        static Identity named(String name) {
            for (Identity identity : values()) {
                if (identity.name.equals(name)) {
                    return identity;
                }
            }
            throw new AssertionError("access-matrix.yml names an unknown identity: " + name);
        }

        /** Who has a need to know about the seeded person (a Swindon resident referred by "professional"). */
        boolean seesThePerson() {
            return this == INSIDER || this == TEAM_IN_AREA || this == LEAD;
        }
    }

    private static final Set<Integer> DENIED = Set.of(401, 403, 404);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    /** An audience the DSR's identity provider might issue tokens for: another application's. */
    private static final String FOREIGN_AUDIENCE = "another-nhs-application";

    private StartedDsr system;
    private ApiClient gateway;
    private MatrixPeople people;
    private final Map<Identity, String> tokens = new EnumMap<>(Identity.class);
    private final Map<Identity, String> foreignTokens = new EnumMap<>(Identity.class);
    private Map<String, Object> expectations;

    @BeforeAll
    void theStartedSystem(StartedDsr system) {
        this.system = system;
        this.gateway = system.gateway;
        for (Identity identity : Identity.values()) {
            if (identity.demoUser != null) {
                tokens.put(identity, system.tokenFor(identity.demoUser));
                foreignTokens.put(identity, tokenForAudience(identity.demoUser, FOREIGN_AUDIENCE));
            }
        }
        this.people = new MatrixPeople(system, tokens.get(Identity.INSIDER), tokens.get(Identity.TEAM_IN_AREA),
                tokens.get(Identity.OUTSIDER), tokens.get(Identity.LEAD));
        this.expectations = readExpectations();
    }

    @org.junit.jupiter.api.AfterAll
    void closeTheSeeds() {
        if (people != null) {
            people.close();
        }
    }

    @Test
    void everyRouteOfEveryServiceHasAnExpectationAndEveryExpectationARoute() {
        Set<String> published = publishedRoutes().keySet();
        Set<String> expected = routeExpectations().keySet();
        assertThat(new TreeSet<>(difference(published, expected)))
                .as("routes with no expectation in access-matrix.yml (add one: who may call it)").isEmpty();
        assertThat(new TreeSet<>(difference(expected, published)))
                .as("expectations in access-matrix.yml for routes no service publishes").isEmpty();
    }

    @Test
    void everyCallerGetsExactlyWhatTheMatrixSaysAndNoPersonalDataLeaks() {
        Map<String, Boolean> routes = publishedRoutes();
        List<String> failures = new ArrayList<>();
        MatrixPeople.Person shared = people.acceptedOntoTheRegister();
        for (Map.Entry<String, Boolean> route : routes.entrySet()) {
            Map<String, Object> expectation = routeExpectations().get(route.getKey());
            if (expectation == null) {
                continue; // reported by the other test
            }
            Set<Identity> allowed = allowedOf(route.getKey(), expectation);
            boolean fresh = Boolean.TRUE.equals(expectation.get("fresh"));
            // Denied callers first: they must change nothing, so they can share one person with everyone else.
            List<Identity> order = new ArrayList<>();
            for (Identity identity : Identity.values()) {
                if (!allowed.contains(identity)) {
                    order.add(identity);
                }
            }
            order.addAll(allowed);
            for (Identity identity : order) {
                MatrixPeople.Person person = fresh && allowed.contains(identity)
                        ? people.acceptedOntoTheRegister() : shared;
                Call call = call(route.getKey(), route.getValue(), expectation, person);
                ApiResponse answer = send(call, identity == Identity.ANONYMOUS ? null : tokens.get(identity));
                check(failures, route.getKey(), identity, "", answer, allowed.contains(identity), shared, person);
                if (identity != Identity.ANONYMOUS && !call.publicRoute) {
                    // The same caller with a token issued for another application: refused before anything else.
                    ApiResponse foreign = send(call, foreignTokens.get(identity));
                    if (foreign.status() != 401) {
                        failures.add(route.getKey() + " as " + identity.name + " with a foreign audience: "
                                + foreign.status() + " (expected 401)");
                    }
                }
            }
            if (fresh) {
                shared = people.acceptedOntoTheRegister();
            }
        }
        assertThat(failures).as("cells that differ from access-matrix.yml").isEmpty();
    }

    private void check(List<String> failures, String route, Identity identity, String note, ApiResponse answer,
                       boolean allowed, MatrixPeople.Person shared, MatrixPeople.Person person) {
        String cell = route + " as " + identity.name + note + ": " + answer.status();
        if (answer.status() >= 500) {
            failures.add(cell + " (a 5xx is never right) " + abbreviated(answer.text()));
            return;
        }
        boolean denied = DENIED.contains(answer.status());
        if (identity == Identity.ANONYMOUS && !allowed && answer.status() != 401) {
            failures.add(cell + " (anonymous callers get 401)");
        } else if (allowed && denied) {
            failures.add(cell + " (expected to be let in) " + abbreviated(answer.text()));
        } else if (!allowed && !denied) {
            failures.add(cell + " (expected 401, 403 or 404) " + abbreviated(answer.text()));
        }
        boolean success = answer.status() >= 200 && answer.status() < 300;
        if (success && (!allowed || !identity.seesThePerson())) {
            for (MatrixPeople.Person seeded : new LinkedHashSet<>(List.of(shared, person))) {
                for (String personal : seeded.personalData()) {
                    if (answer.text() != null && answer.text().contains(personal)) {
                        failures.add(cell + " carries the seeded person's personal data (" + seeded.kindOf(personal) + ")");
                    }
                }
            }
        }
    }

    private static String abbreviated(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    // ---- routes and expectations -------------------------------------------------------------------------------

    /** "METHOD /path" of every published operation, with whether it is a gateway route (true) or under /api. */
    private Map<String, Boolean> publishedRoutes() {
        Map<String, Boolean> routes = new LinkedHashMap<>();
        ApiResponse specs = gateway.get("/specs", null);
        assertThat(specs.status()).as(specs.text()).isEqualTo(200);
        for (JsonNode spec : specs.json()) {
            boolean ownRoutes = "gateway".equals(spec.get("name").asText());
            ApiResponse document = gateway.get(spec.get("url").asText(), null);
            assertThat(document.status()).as(spec.get("url").asText() + ": " + document.text()).isEqualTo(200);
            Map<String, Object> openApi = new Yaml().load(document.text());
            Object paths = openApi.get("paths");
            if (!(paths instanceof Map<?, ?> byPath)) {
                continue;
            }
            for (Map.Entry<?, ?> path : byPath.entrySet()) {
                for (Object method : ((Map<?, ?>) path.getValue()).keySet()) {
                    String verb = method.toString().toUpperCase();
                    if (Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(verb)) {
                        routes.put(verb + " " + path.getKey(), ownRoutes);
                    }
                }
            }
        }
        return routes;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> routeExpectations() {
        return (Map<String, Map<String, Object>>) expectations.get("routes");
    }

    @SuppressWarnings("unchecked")
    private Set<Identity> allowedOf(String route, Map<String, Object> expectation) {
        Object allow = expectation.get("allow");
        Set<Identity> allowed = new LinkedHashSet<>();
        if (allow == null) {
            return allowed;
        }
        Map<String, List<String>> groups = (Map<String, List<String>>) expectations.getOrDefault("groups", Map.of());
        for (String name : (List<String>) allow) {
            if (groups.containsKey(name)) {
                groups.get(name).forEach(member -> allowed.add(Identity.named(member)));
            } else {
                allowed.add(Identity.named(name));
            }
        }
        assertThat(allowed).as(route + ": list who is allowed, or leave allow empty").isNotNull();
        return allowed;
    }

    private static Map<String, Object> readExpectations() {
        try (InputStream in = AccessMatrixTest.class.getResourceAsStream("/access-matrix.yml")) {
            assertThat(in).as("access-matrix.yml on the test classpath").isNotNull();
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> left = new LinkedHashSet<>(a);
        left.removeAll(b);
        return left;
    }

    // ---- calls ---------------------------------------------------------------------------------------------------

    record Call(String method, String path, Object body, boolean publicRoute) {
    }

    private final AtomicInteger calls = new AtomicInteger();

    private Call call(String route, boolean gatewayRoute, Map<String, Object> expectation, MatrixPeople.Person person) {
        String method = route.substring(0, route.indexOf(' '));
        String template = route.substring(route.indexOf(' ') + 1) + (expectation.containsKey("query")
                ? "?" + expectation.get("query") : "");
        Map<String, String> values = person.values(people, calls.incrementAndGet());
        // Records made for this call only (a held identity change, a request to join, ...), where the route names them,
        // directly or through "with"; then "with" points a placeholder at another seeded value.
        List<String> wanted = new ArrayList<>();
        for (String text : List.of(template, String.valueOf(expectation.get("body")))) {
            Matcher placeholder = PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                wanted.add(placeholder.group(1));
            }
        }
        Map<?, ?> with = expectation.get("with") instanceof Map<?, ?> map ? map : Map.of();
        with.values().forEach(source -> wanted.add(source.toString()));
        for (String name : wanted) {
            if (!values.containsKey(name) && !with.containsKey(name)) {
                String made = person.madeFor(name, people);
                if (made != null) {
                    values.put(name, made);
                }
            }
        }
        with.forEach((placeholder, source) -> values.put(placeholder.toString(), values.get(source.toString())));
        String path = fill(template, values, route);
        Object body = expectation.containsKey("body") ? fillBody(expectation.get("body"), values, route) : null;
        if (body == null && Set.of("POST", "PUT", "PATCH").contains(method)) {
            body = Map.of();
        }
        return new Call(method, gatewayRoute ? path : "/api" + path, body,
                Boolean.TRUE.equals(expectation.get("public")));
    }

    private ApiResponse send(Call call, String token) {
        return gateway.call(call.method(), call.path(), token, call.body());
    }

    private static String fill(String template, Map<String, String> values, String route) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                throw new AssertionError(route + ": no seeded value for {" + placeholder.group(1)
                        + "}; add one to MatrixPeople");
            }
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }

    @SuppressWarnings("unchecked")
    private static Object fillBody(Object body, Map<String, String> values, String route) {
        if (body instanceof String text) {
            return fill(text, values, route);
        }
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> filled = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((key, value) -> filled.put(key, fillBody(value, values, route)));
            return filled;
        }
        if (body instanceof List<?> list) {
            return list.stream().map(item -> fillBody(item, values, route)).toList();
        }
        return body;
    }

    /** A demo token issued for another application's audience, as a token stolen from one would be. */
    private String tokenForAudience(String username, String audience) {
        ApiResponse token = gateway.post("/auth/demo-token", null, Map.of("username", username, "audience", audience));
        assertThat(token.status()).as(token.text()).isEqualTo(200);
        return token.json().get("access_token").asText();
    }

    /** Waits for an asynchronous fact the matrix's seeds depend on (a care team reaching consent-service). */
    static void eventually(Runnable fact) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(fact::run);
    }
}
