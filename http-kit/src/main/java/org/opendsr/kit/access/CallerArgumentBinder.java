package org.opendsr.kit.access;

import java.util.Optional;
import java.util.Set;

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
 */
@Singleton
public class CallerArgumentBinder implements TypedRequestArgumentBinder<Caller> {

    private static final Argument<Caller> TYPE = Argument.of(Caller.class);

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
        Caller caller = of(authentication.get(), source.getHeaders().get(Caller.PURPOSE_HEADER));
        return () -> Optional.of(caller);
    }

    /** The caller a token describes, with the purpose header as sent (or null). */
    public static Caller of(Authentication authentication, String statedPurpose) {
        return new Caller(authentication.getName(), Set.copyOf(authentication.getRoles()),
                claim(authentication, "email"), claim(authentication, "organisation"), statedPurpose);
    }

    private static String claim(Authentication authentication, String name) {
        Object value = authentication.getAttributes().get(name);
        return value == null ? null : value.toString();
    }
}
