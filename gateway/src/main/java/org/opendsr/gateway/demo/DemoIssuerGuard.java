package org.opendsr.gateway.demo;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;

/**
 * Stops the gateway from starting with the built-in demo issuer anywhere it could mint tokens that matter: in
 * Kubernetes (the {@code KUBERNETES_SERVICE_HOST} variable every pod has, or Micronaut's {@code k8s} environment),
 * or with any issuer but its own ({@value DemoIssuerSettings#ISSUER}), so that a demo token can never carry the
 * production identity provider's issuer and be accepted by the services. One environment variable
 * ({@code DSR_GATEWAY_DEMO_ISSUER_ENABLED=true}) is then not enough to switch it on in a cluster.
 */
@Context
@Requires(property = "dsr.gateway.demo-issuer.enabled", value = "true")
public class DemoIssuerGuard {

    public DemoIssuerGuard(Environment environment, @Value("${dsr.security.issuer:}") String issuer) {
        refusal(System.getenv(), environment.getActiveNames(), issuer).ifPresent(reason -> {
            throw new IllegalStateException("The demo token issuer (DSR_GATEWAY_DEMO_ISSUER_ENABLED) refuses to start: "
                    + reason + ". It is for local runs only (deploy/README.md, \"Tokens\").");
        });
    }

    /** Why the demo issuer must not run here, if it must not. */
    static Optional<String> refusal(Map<String, String> variables, Set<String> environments, String issuer) {
        String kubernetesHost = variables.get("KUBERNETES_SERVICE_HOST");
        if (kubernetesHost != null && !kubernetesHost.isBlank()) {
            return Optional.of("running in Kubernetes (KUBERNETES_SERVICE_HOST is set)");
        }
        if (environments.contains(Environment.KUBERNETES)) {
            return Optional.of("running in the Micronaut environment " + Environment.KUBERNETES);
        }
        if (!DemoIssuerSettings.ISSUER.equals(issuer)) {
            return Optional.of("dsr.security.issuer (DSR_SECURITY_ISSUER) is not its own issuer "
                    + DemoIssuerSettings.ISSUER);
        }
        return Optional.empty();
    }
}
