package org.opendsr.kit.access;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

/**
 * Binds a {@link Caller} controller parameter from the request's {@link Authentication} and its
 * {@value Caller#PURPOSE_HEADER} header, so no controller method repeats that translation. An anonymous request
 * binds nothing: the endpoint must be secured, and security has refused it with 401 before this runs.
 *
 * <p>A DSR team member's areas come from the token's {@value #AREAS_CLAIM} claim; where the identity provider cannot
 * issue one (a single-area ICB), {@code dsr.access.dsr-team-areas} names the areas a member without the claim works
 * in. Unset, such a member sees only people not yet placed in an area: too little is safer than too much.
 */
@Singleton
public class CallerArgumentBinder implements TypedRequestArgumentBinder<Caller> {

    /** The claim listing the locality codes a DSR team member works in. */
    public static final String AREAS_CLAIM = "areas";
    /** The claim naming the agency an agency system acts for. */
    public static final String AGENCY_CLAIM = "agency";

    private static final Argument<Caller> TYPE = Argument.of(Caller.class);

    private final Set<String> areasWhenUnclaimed;

    public CallerArgumentBinder(@Value("${dsr.access.dsr-team-areas:}") List<String> areasWhenUnclaimed) {
        this.areasWhenUnclaimed = areasWhenUnclaimed.stream().map(String::trim).filter(area -> !area.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Argument<Caller> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> source) {
        Optional<Authentication> authentication = source.getUserPrincipal(Authentication.class);
        if (authentication.isEmpty()) {
            return BindingResult.unsatisfied();
        }
        Caller caller = of(authentication.get(), source.getHeaders().get(Caller.PURPOSE_HEADER), areasWhenUnclaimed);
        return () -> Optional.of(caller);
    }

    /** The caller a token describes, with the purpose header as sent (or null). */
    public static Caller of(Authentication authentication, String statedPurpose) {
        return of(authentication, statedPurpose, Set.of());
    }

    static Caller of(Authentication authentication, String statedPurpose, Set<String> areasWhenUnclaimed) {
        Object areasClaim = authentication.getAttributes().get(AREAS_CLAIM);
        Set<String> areas = areasClaim == null ? areasWhenUnclaimed : areas(areasClaim);
        return new Caller(authentication.getName(), Set.copyOf(authentication.getRoles()), areas,
                claim(authentication, AGENCY_CLAIM), claim(authentication, "email"),
                claim(authentication, "organisation"), statedPurpose);
    }

    /** A JSON array of locality codes, or (some providers flatten one value) a single string. */
    private static Set<String> areas(Object claim) {
        Collection<?> values = claim instanceof Collection<?> many ? many : List.of(claim);
        return values.stream().filter(value -> value != null).map(Object::toString).map(String::trim)
                .filter(area -> !area.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    private static String claim(Authentication authentication, String name) {
        Object value = authentication.getAttributes().get(name);
        return value == null ? null : value.toString();
    }
}
