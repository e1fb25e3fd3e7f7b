package @package@;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;

/**
 * Rendered from chassis/java/ServiceApiDescription.java for @title@ (its pom's dsr.service.package and
 * dsr.service.apiDescription): the head of the service's generated OpenAPI document (META-INF/swagger). Every
 * service is called through the gateway under /api with a bearer token. The kit's DsrApplication starts the
 * service; this class only carries the description.
 */
@OpenAPIDefinition(
        info = @Info(title = "@title@", version = "0.1", description = "@description@"),
        servers = @Server(url = "/api", description = "through the gateway"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
final class ServiceApiDescription {

    private ServiceApiDescription() {
    }
}
