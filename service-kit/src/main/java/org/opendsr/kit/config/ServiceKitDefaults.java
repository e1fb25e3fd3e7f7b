package org.opendsr.kit.config;

/** The service kit's defaults: the service's own PostgreSQL database, Flyway and Kafka. */
public final class ServiceKitDefaults extends KitDefaultProperties {

    public ServiceKitDefaults() {
        super("dsr-service-kit-defaults.yml");
    }
}
