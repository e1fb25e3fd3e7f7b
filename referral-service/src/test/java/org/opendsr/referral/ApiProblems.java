package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.opendsr.testkit.ApiClient.ApiResponse;

/** What every refusal of referral-service's API looks like: problem+json, the status, and the field at fault. */
public final class ApiProblems {

    /**
     * Marks a field whose value could not even be read (wrong JSON type, unknown code) inside a nested object. The
     * kit names such a field with its path reversed ({@code relationship[0].contacts} for
     * {@code contacts[0].relationship}: http-kit's ConversionErrors reads serde's innermost-first path in the wrong
     * order), so for these the assertion is that the field is named, wherever it sits in the path.
     */
    public static final String UNREADABLE = "unreadable:";

    private ApiProblems() {
    }

    public static void assertProblem(ApiResponse response, int status, String type) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("type").asText()).as(response.text()).isEqualTo(type);
    }

    public static void assertProblemNaming(ApiResponse response, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        List<String> named = fieldsNamed(response);
        if (field.startsWith(UNREADABLE)) {
            String property = field.substring(UNREADABLE.length());
            assertThat(named).as(response.text()).anySatisfy(path -> assertThat(path).contains(property));
        } else {
            assertThat(named).as(response.text()).contains(field);
        }
    }

    public static List<String> fieldsNamed(ApiResponse response) {
        JsonNode errors = response.json() == null ? null : response.json().get("errors");
        return errors == null ? List.of() : errors.findValuesAsText("field");
    }
}
