package org.opendsr.risk.rating.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Issue 16: after two records of one person are merged, one current rating, the latest decided. */
class MergedRatingsTest {

    private static final Instant EARLIER = Instant.parse("2026-10-01T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-20T15:30:00Z");

    @Test
    void theDuplicatesRatingStandsWhenDecidedLater() {
        assertThat(MergedRatings.duplicatesRatingStands(LATER, EARLIER)).isTrue();
    }

    @Test
    void theSurvivorsRatingStandsWhenDecidedLaterOrAtTheSameInstant() {
        assertThat(MergedRatings.duplicatesRatingStands(EARLIER, LATER)).isFalse();
        assertThat(MergedRatings.duplicatesRatingStands(LATER, LATER)).isFalse();
    }

    @Test
    void aRatingStandsOverNone() {
        assertThat(MergedRatings.duplicatesRatingStands(EARLIER, null)).isTrue();
        assertThat(MergedRatings.duplicatesRatingStands(null, EARLIER)).isFalse();
        assertThat(MergedRatings.duplicatesRatingStands(null, null)).isFalse();
    }
}
