package org.opendsr.gateway.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.opendsr.kit.web.RequestRefused;

/** Tokens for the demo users of a local run. Absent unless the demo issuer is enabled. */
@Controller("/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "dsr.gateway.demo-issuer.enabled", value = "true")
@Tag(name = "Demo tokens (local runs only)")
public class DemoTokenController {

    private final TokenGenerator tokens;
    private final DemoIssuerSettings settings;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    public DemoTokenController(TokenGenerator tokens, DemoIssuerSettings settings,
                               @Value("${dsr.security.issuer}") String issuer,
                               @Value("${dsr.security.audience:}") String audience, Clock clock) {
        this.tokens = tokens;
        this.settings = settings;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    @Serdeable
    public record TokenRequest(@NotBlank String username) {
    }

    @Serdeable
    public record TokenResponse(String access_token, String token_type, long expires_in, String username,
                                List<String> roles) {
    }

    @Get("/demo-users")
    @Operation(summary = "The demo users a local run can act as, one per role")
    public List<DemoUsers.DemoUser> demoUsers() {
        return DemoUsers.all();
    }

    @Post("/demo-token")
    @Operation(summary = "A bearer token for a demo user, e.g. {\"username\": \"professional\"}")
    public TokenResponse demoToken(@Valid @Body TokenRequest request) {
        DemoUsers.DemoUser user = DemoUsers.byUsername(request.username())
                .orElseThrow(() -> RequestRefused.invalidField("username", "must be one of "
                        + DemoUsers.all().stream().map(DemoUsers.DemoUser::username).toList()));
        Instant now = clock.instant();
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", issuer);
        if (!audience.isBlank()) {
            // Services that check the audience must accept the demo tokens too.
            claims.put("aud", audience.trim());
        }
        claims.put("sub", user.username());
        claims.put("name", user.displayName());
        claims.put("roles", user.roles());
        if (user.organisation() != null) {
            claims.put("organisation", user.organisation());
        }
        claims.put("iat", java.util.Date.from(now));
        claims.put("exp", java.util.Date.from(now.plus(settings.getTokenLifetime())));
        claims.put("jti", UUID.randomUUID().toString());
        String token = tokens.generateToken(claims)
                .orElseThrow(() -> new IllegalStateException("The demo issuer could not sign a token"));
        return new TokenResponse(token, "Bearer", settings.getTokenLifetime().toSeconds(), user.username(), user.roles());
    }
}
