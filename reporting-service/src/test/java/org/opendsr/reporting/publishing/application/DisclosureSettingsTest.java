package org.opendsr.reporting.publishing.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.annotation.Context;
import org.junit.jupiter.api.Test;

/**
 * reporting-service starts only with disclosure control at least as strict as the NHS rule: a weaker
 * {@code dsr.reporting.disclosure.*} stops it, with a message naming the setting.
 */
class DisclosureSettingsTest {

    @Test
    void theDefaultsAreTheNhsRule() {
        DisclosureSettings settings = new DisclosureSettings();

        settings.check();
        assertThat(settings.control().describe()).contains("1 to 7").contains("nearest 5");
    }

    @Test
    void aWeakerSettingIsRefusedNamingIt() {
        DisclosureSettings settings = new DisclosureSettings();
        settings.setSuppressUpTo(3);

        assertThatThrownBy(settings::check).hasMessageContaining("dsr.reporting.disclosure.suppress-up-to is 3");
    }

    @Test
    void theSettingsAreCheckedAsTheServiceStarts() {
        // A @Context bean is created, and its @PostConstruct check run, while the application context starts.
        assertThat(DisclosureSettings.class.isAnnotationPresent(Context.class)).isTrue();
    }
}
