package org.opendsr.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Paths the gateway and a service could read differently are refused; the rest pass, normalised, still raw. */
class RawPathTest {

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = ';', value = {
            "/api/referrals%2F123                 ; encoded /",
            "/api/referrals%2f123                 ; encoded /",
            "/api/referrals/%2E%2E/people         ; encoded dot",
            "/api/referrals/%2e./people           ; encoded dot",
            "/api/referrals/../people             ; . or .. segment",
            "/api/referrals/./123                 ; . or .. segment",
            "/api/referrals/..                    ; . or .. segment",
            "/api/referrals/123%3Fadmin=true      ; encoded ?",
            "/api/referrals/123%23fragment        ; encoded #",
            "/api/referrals%5C123                 ; encoded backslash",
            "/api/referrals\\123                  ; backslash",
            "/api//referrals                      ; empty segment",
            "//api/referrals                      ; empty segment",
            "/api/referrals/123%00                ; encoded control",
            "/api/referrals/123%0A                ; encoded control",
            "/api/referrals/123%7F                ; encoded control",
            "/api/referrals/%C0%AE%C0%AE/people   ; outside ASCII",
            "/api/referrals/%252E%252E            ; double encoding",
            "/api/referrals/%zz                   ; invalid percent-encoding",
            "/api/referrals/%2                    ; invalid percent-encoding",
            "/api/referrals/%                     ; invalid percent-encoding",
            "/api/referrals/a b                   ; must be percent-encoded",
            "/api/referrals/<script>              ; must be percent-encoded",
            "/api/referrals/a|b                   ; must be percent-encoded",
            "api/referrals                        ; must start with /"})
    void anAmbiguousPathIsRefusedSayingWhy(String path, String reason) {
        assertThatThrownBy(() -> RawPath.of(path)).isInstanceOf(RawPath.Ambiguous.class).hasMessageContaining(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0001", "\t", "\u007f", "\u00e9", "\u2215"})
    void controlAndNonAsciiCharactersAreRefused(String odd) {
        assertThatThrownBy(() -> RawPath.of("/api/referrals/" + odd)).isInstanceOf(RawPath.Ambiguous.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/referrals                                   | /api/referrals",
            "/api/referrals/3f2a9c1e-6a8b-4c1d-9e2f-0a1b2c3d4e5f | /api/referrals/3f2a9c1e-6a8b-4c1d-9e2f-0a1b2c3d4e5f",
            "/api/people/123/identity                          | /api/people/123/identity",
            "/api/%72eferrals/%41%2d1                          | /api/referrals/A-1",
            "/api/reports/a%3ab%20c                            | /api/reports/a%3Ab%20c",
            "/docs/index.html                                  | /docs/index.html",
            "/api/referrals/                                   | /api/referrals/",
            "/                                                 | /"})
    void aPlainPathPassesNormalisedAndStillRaw(String path, String normalised) {
        assertThat(RawPath.of(path).value()).isEqualTo(normalised);
    }
}
