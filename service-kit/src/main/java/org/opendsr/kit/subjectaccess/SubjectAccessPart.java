package org.opendsr.kit.subjectaccess;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One service's contribution to a subject access export (UK GDPR Art. 15): what the service holds about the person,
 * as named sections of rows ({@code "consents" -> [{...}, ...]}), each row a flat map of plain values, and what was
 * redacted from it and why. The gateway puts the parts of every service together into one document; it reads them as
 * JSON, so the shape is the same whatever the service.
 *
 * @param service   the contributing service, e.g. {@code consent-service}
 * @param sections  in the order they are best read; a section with nothing held is present and empty
 * @param redacted  every kind of third-party data left out or replaced, once per section and field
 */
@Serdeable
public record SubjectAccessPart(String service, UUID personId, Instant compiledAt,
                                Map<String, List<Map<String, Object>>> sections, List<Redaction> redacted) {

    public SubjectAccessPart {
        sections = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sections));
        redacted = List.copyOf(redacted);
    }

    /**
     * Third-party data replaced or left out (ICO, "How do we deal with requests involving other people's
     * information?"): other people's personal details are not the requester's to receive without their consent.
     *
     * @param section    the section it was in
     * @param field      the field as the service holds it, e.g. {@code name}
     * @param replacedBy what stands in its place, e.g. {@code the relationship}, or {@code left out}
     * @param why        in plain words
     */
    @Serdeable
    public record Redaction(String section, String field, String replacedBy, String why) {
    }

    @Override
    public String toString() {
        return "SubjectAccessPart[service=" + service + ", personId=" + personId + ", contents redacted]";
    }
}
