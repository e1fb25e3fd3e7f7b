package org.opendsr.kit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class GivenOrLeftOutTest {

    @Test
    void aValueLeftOutIsNoneAndAGivenOneIsKept() {
        assertThat(GivenOrLeftOut.value("nhsNumber", null)).isEmpty();
        assertThat(GivenOrLeftOut.value("nhsNumber", "943 476 5919")).contains("943 476 5919");
        assertThat(GivenOrLeftOut.isBlank(null)).as("left out is not blank").isFalse();
    }

    @Test
    void anEmptyOrBlankValueIsNeitherAndIsRefusedNamingTheFieldWithoutQuotingIt() {
        for (String blank : new String[] {"", " ", "   ", "\t", " \n "}) {
            RuleBroken refused = catchThrowableOfType(RuleBroken.class,
                    () -> GivenOrLeftOut.check("person.nhsNumber", blank));

            assertThat(refused).as("'%s'", blank).isNotNull();
            assertThat(refused.kind()).isEqualTo(RuleBroken.Kind.INVALID_REQUEST);
            assertThat(refused.field()).isEqualTo("person.nhsNumber");
            assertThat(refused.getMessage()).isEqualTo(GivenOrLeftOut.REFUSAL);
        }
    }
}
