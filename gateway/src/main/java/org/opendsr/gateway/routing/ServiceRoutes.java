package org.opendsr.gateway.routing;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

/** Which service serves a path of the API. */
@Singleton
public class ServiceRoutes {

    public static final String API_PREFIX = "/api";

    private final List<BackendService> services;

    public ServiceRoutes(List<BackendService> services) {
        this.services = List.copyOf(services);
    }

    /** The service for a gateway path such as {@code /api/referrals/123}, if any. */
    public Optional<BackendService> serviceFor(String gatewayPath) {
        if (!gatewayPath.startsWith(API_PREFIX + "/")) {
            return Optional.empty();
        }
        String path = gatewayPath.substring(API_PREFIX.length());
        return services.stream().filter(service -> service.serves(path)).findFirst();
    }

    public Optional<BackendService> byName(String name) {
        return services.stream().filter(service -> service.getName().equals(name)).findFirst();
    }

    public List<BackendService> all() {
        return services;
    }
}
