package org.opendsr.risk;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;

/**
 * The description of this module's API in its generated OpenAPI document (META-INF/swagger). The module is started
 * by the kit's {@link org.opendsr.kit.DsrApplication}; this class only carries the description.
 */
@OpenAPIDefinition(
        info = @Info(title = "risk-service", version = "0.1", description = "RAG ratings, known only by personId. Called through the gateway."),
        servers = @Server(url = "/api", description = "through the gateway"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
final class RiskServiceOpenApi {

    private RiskServiceOpenApi() {
    }
}
