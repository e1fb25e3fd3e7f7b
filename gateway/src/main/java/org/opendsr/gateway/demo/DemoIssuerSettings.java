package org.opendsr.gateway.demo;

import java.nio.file.Path;
import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** {@code dsr.gateway.demo-issuer.*}: the built-in token issuer of local runs. */
@ConfigurationProperties("dsr.gateway.demo-issuer")
public class DemoIssuerSettings {

    /** The only issuer the demo issuer signs as (DemoIssuerGuard): never a real identity provider's. */
    public static final String ISSUER = "dsr-local-demo-issuer";

    private boolean enabled;
    private Duration tokenLifetime = Duration.ofHours(8);
    @Nullable
    private Path keyFile;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getTokenLifetime() {
        return tokenLifetime;
    }

    public void setTokenLifetime(Duration tokenLifetime) {
        this.tokenLifetime = tokenLifetime;
    }

    /** Where the signing key is kept, so tokens stay valid across restarts of a local run. Unset: a new key per start. */
    @Nullable
    public Path getKeyFile() {
        return keyFile;
    }

    public void setKeyFile(@Nullable Path keyFile) {
        this.keyFile = keyFile;
    }
}
