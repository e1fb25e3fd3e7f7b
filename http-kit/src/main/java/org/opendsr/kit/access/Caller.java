package org.opendsr.kit.access;

import java.security.Principal;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Predicate;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.kit.rules.RuleBroken;

/**
 * Who is calling, from their token: user id ({@code sub}, the only identity access is ever decided on), DSR roles,
 * the areas (locality codes) a DSR team member works in ({@code areas}), the agency an agency system acts for
 * ({@code agency}), the email and organisation claims when the identity provider gives them (for contact, never for
 * access: an e-mail claim is only as good as the provider's verification of it), and the purpose they state in the
 * {@value #PURPOSE_HEADER} header (raw, as sent).
 * Controllers take it as a parameter ({@link CallerArgumentBinder}) and hand it to the application layer, which
 * reads roles and purpose from it without knowing about tokens or headers.
 *
 * <p>It is a {@link Principal} (named by its user id) so that the OpenAPI generator, like Micronaut, treats a
 * {@code Caller} parameter as the caller and not as a query parameter: the published API does not change.
 */
public record Caller(String userId, Set<String> roles, Set<String> areas, @Nullable String agency,
                     @Nullable String email, @Nullable String organisation,
                     @Nullable String statedPurpose) implements Principal {

    /** Why the caller reads or changes a record; each endpoint has a default. */
    public static final String PURPOSE_HEADER = "X-DSR-Purpose";

    public Caller {
        roles = Set.copyOf(roles);
        areas = Set.copyOf(areas);
    }

    /** A caller without areas or agency: a professional, an analyst, an admin, or a lead (who sees every area). */
    public Caller(String userId, Set<String> roles, @Nullable String email, @Nullable String organisation,
                  @Nullable String statedPurpose) {
        this(userId, roles, Set.of(), null, email, organisation, statedPurpose);
    }

    @Override
    public String getName() {
        return userId;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /**
     * The purpose the caller stated, read as one of the service's purposes, or {@code byDefault} when none was
     * stated. Only purposes callers may state are accepted; anything else is refused naming the header.
     *
     * @param statedByCallers which purposes a caller may state (others are the service's own)
     */
    public <P extends Enum<P>> P purpose(Class<P> purposes, P byDefault, Predicate<P> statedByCallers) {
        if (statedPurpose == null || statedPurpose.isBlank()) {
            return byDefault;
        }
        String stated = statedPurpose.trim();
        return Arrays.stream(purposes.getEnumConstants())
                .filter(statedByCallers)
                .filter(purpose -> purpose.name().equals(stated))
                .findFirst()
                .orElseThrow(() -> RuleBroken.invalid(PURPOSE_HEADER, "must be one of "
                        + Arrays.stream(purposes.getEnumConstants()).filter(statedByCallers).toList()));
    }
}
