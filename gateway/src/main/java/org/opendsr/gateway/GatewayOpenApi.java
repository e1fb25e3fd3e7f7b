package org.opendsr.gateway;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/**
 * The description of this module's API in its generated OpenAPI document (META-INF/swagger). The module is started
 * by the kit's {@link org.opendsr.kit.DsrApplication}; this class only carries the description.
 */
@OpenAPIDefinition(info = @Info(title = "gateway", version = "0.1",
        description = "The DSR gateway: demo tokens in local runs. Every other API is a service's, listed beside this one."))
final class GatewayOpenApi {

    private GatewayOpenApi() {
    }
}
