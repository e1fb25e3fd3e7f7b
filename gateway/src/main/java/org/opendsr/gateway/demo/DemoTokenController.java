package org.opendsr.gateway.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
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
import io.swagger.v3.oas.annotations.media.Schema;
import org.opendsr.kit.security.TokenPolicy;
import org.opendsr.kit.web.RequestRefused;

/**
 * Tokens for the demo users of a local run. Absent unless the demo issuer is enabled, and then only outside
 * Kubernetes and with its own issuer ({@link DemoIssuerGuard}). A token names the configured audience, or the one
 * the caller asks for, so that anyone can see a token for another application refused.
 */
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
                               TokenPolicy policy, Clock clock) {
        this.tokens = tokens;
        this.settings = settings;
        this.issuer = issuer;
        this.audience = policy.audience();
        this.clock = clock;
    }

    @Serdeable
    public record TokenRequest(@NotBlank String username,
                               @Nullable @Schema(description = "The aud the token names; default: this DSR's"
                                       + " (dsr.security.audience). Another one shows such a token refused.")
                               String audience) {
    }

    @Serdeable
    public record TokenResponse(String access_token, String token_type, long expires_in, String username,
                                List<String> roles, String audience) {
    }

    @Get("/demo-users")
    @Operation(summary = "The demo users a local run can act as: every role and relationship the API tells apart")
    public List<DemoUsers.DemoUser> demoUsers() {
        return DemoUsers.all();
    }

    @Post("/demo-token")
    @Operation(summary = "A bearer token for a demo user, e.g. {\"username\": \"professional\"}; optional"
            + " \"audience\" for a token issued to another application")
    public TokenResponse demoToken(@Valid @Body TokenRequest request) {
        DemoUsers.DemoUser user = DemoUsers.byUsername(request.username())
                .orElseThrow(() -> RequestRefused.invalidField("username", "must be one of "
                        + DemoUsers.all().stream().map(DemoUsers.DemoUser::username).toList()));
        Instant now = clock.instant();
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", issuer);
        String tokenAudience = request.audience() == null || request.audience().isBlank()
                ? audience : request.audience().trim();
        claims.put("aud", tokenAudience);
        claims.put("sub", user.username());
        claims.put("name", user.displayName());
        claims.put("roles", user.roles());
        if (user.email() != null) {
            claims.put("email", user.email());
        }
        if (user.organisation() != null) {
            claims.put("organisation", user.organisation());
        }
        if (!user.areas().isEmpty()) {
            claims.put("areas", user.areas());
        }
        if (user.agency() != null) {
            claims.put("agency", user.agency());
        }
        claims.put("iat", java.util.Date.from(now));
        claims.put("exp", java.util.Date.from(now.plus(settings.getTokenLifetime())));
        claims.put("jti", UUID.randomUUID().toString());
        String token = tokens.generateToken(claims)
                .orElseThrow(() -> new IllegalStateException("The demo issuer could not sign a token"));
        return new TokenResponse(token, "Bearer", settings.getTokenLifetime().toSeconds(), user.username(), user.roles(),
                tokenAudience);
    }
}
