package org.opendsr.testkit.security;

import java.util.Map;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

/**
 * A route that any authenticated caller may use and nobody else, for {@link TokenRefusalContract}: a process under
 * test answers it 200 for a token it accepts and 401 for one it refuses, whatever routes the module has (risk- and
 * meeting-service have none yet). Test classpath only, and only where a test switches it on
 * ({@value #PROPERTY}); it is in no service's OpenAPI document.
 */
@Controller(TokenProbe.PATH)
@Requires(property = TokenProbe.PROPERTY, value = "true")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class TokenProbe {

    public static final String PATH = "/testing/token-probe";
    public static final String PROPERTY = "dsr.testing.token-probe";

    @Get
    public Map<String, String> whoIsCalling(Authentication caller) {
        return Map.of("sub", caller.getName());
    }
}
