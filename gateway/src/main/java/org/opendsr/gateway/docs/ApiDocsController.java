package org.opendsr.gateway.docs;

import java.util.ArrayList;
import java.util.List;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import org.opendsr.gateway.routing.BackendService;
import org.opendsr.gateway.routing.ServiceRoutes;
import org.opendsr.kit.web.RequestRefused;

/**
 * One Swagger UI for the whole DSR API: the gateway's page at {@code /docs/} lists each service's OpenAPI
 * document, fetched from the service through here.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class ApiDocsController {

    private final ServiceRoutes routes;
    private final HttpClient http;

    public ApiDocsController(ServiceRoutes routes, @Client HttpClient http) {
        this.routes = routes;
        this.http = http;
    }

    @Serdeable
    public record ApiSpec(String name, String url) {
    }

    @Get("/specs")
    public List<ApiSpec> specs() {
        List<ApiSpec> specs = new ArrayList<>();
        routes.all().stream()
                .sorted(java.util.Comparator.comparing(BackendService::getName))
                .forEach(service -> specs.add(new ApiSpec(service.getName(), "/specs/" + service.getName() + ".yml")));
        specs.add(new ApiSpec("gateway", "/swagger/gateway.yml"));
        return specs;
    }

    @Get("/specs/{service}.yml")
    @Produces("application/yaml")
    public HttpResponse<String> spec(@PathVariable String service) {
        BackendService backend = routes.byName(service).orElseThrow(() -> RequestRefused.notFound("The API " + service));
        try {
            String yaml = http.toBlocking().retrieve(backend.getUrl().toString().replaceAll("/$", "")
                    + "/swagger/" + service + ".yml");
            return HttpResponse.ok(yaml).contentType(MediaType.of("application/yaml"));
        } catch (RuntimeException unavailable) {
            throw new RequestRefused(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                    service + " is not available", null);
        }
    }
}
