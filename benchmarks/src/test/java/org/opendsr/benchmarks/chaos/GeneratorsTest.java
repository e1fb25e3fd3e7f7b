package org.opendsr.benchmarks.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The fuzzed requests and the bad events follow from the seed alone, and every kind is tried in a short run. */
class GeneratorsTest {

    private static List<String> fuzzed(long seed, int count) {
        RequestFuzzer fuzzer = new RequestFuzzer(seed);
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RequestFuzzer.FuzzedRequest request = fuzzer.next();
            requests.add(request.mutation() + " " + request.method() + " " + request.path() + " "
                    + request.contentType() + " " + (request.body() == null ? "-" : new String(request.body(),
                    java.nio.charset.StandardCharsets.ISO_8859_1)));
        }
        return requests;
    }

    @Test
    void theSameSeedFuzzesTheSameRequestsAndAnotherSeedOthers() {
        assertThat(fuzzed(42, 200)).isEqualTo(fuzzed(42, 200));
        assertThat(fuzzed(43, 200)).isNotEqualTo(fuzzed(42, 200));
    }

    @Test
    void theFirstRequestsTryEveryMutationOnceStartingWithANulCharacter() {
        RequestFuzzer fuzzer = new RequestFuzzer(1);
        Set<String> tried = new HashSet<>();
        RequestFuzzer.FuzzedRequest first = fuzzer.next();
        tried.add(first.mutation());
        for (int i = 1; i < RequestFuzzer.MUTATIONS.size(); i++) {
            tried.add(fuzzer.next().mutation());
        }

        assertThat(tried).containsExactlyInAnyOrderElementsOf(RequestFuzzer.MUTATIONS);
        assertThat(new String(first.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"givenName\":\"A\\u0000B\"");
    }

    @Test
    void theSameSeedMakesTheSameAgencyEventsAndEveryBadKindOnce() {
        AgencyEvents one = new AgencyEvents(7);
        AgencyEvents two = new AgencyEvents(7);
        for (int i = 0; i < AgencyEvents.BAD_KINDS.size(); i++) {
            AgencyEvents.Event valid = one.valid();
            assertThat(two.valid().value()).isEqualTo(valid.value());
            AgencyEvents.Event bad = one.bad(i);
            assertThat(two.bad(i).value()).isEqualTo(bad.value());
            assertThat(bad.kind()).isEqualTo(AgencyEvents.BAD_KINDS.get(i));
            assertThat(bad.value()).isNotEqualTo(valid.value());
        }
    }

    @Test
    void validAgencyEventsAreAboutDifferentPeopleWithNhsNumbersThatPassModulus11() {
        AgencyEvents events = new AgencyEvents(3);
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String number = events.valid().key();
            assertThat(number).hasSize(10).startsWith("999");
            assertThat(AgencyEvents.checkDigit(number.substring(0, 9))).isEqualTo(Character.digit(number.charAt(9), 10));
            numbers.add(number);
        }
        assertThat(numbers).hasSize(500);
    }

    @Test
    void thePoisonRecordIsOverTheBrokersLimitUncompressed() {
        assertThat(new AgencyEvents(1).poison().value().length).isGreaterThan(2 * 1_000_000);
    }
}
