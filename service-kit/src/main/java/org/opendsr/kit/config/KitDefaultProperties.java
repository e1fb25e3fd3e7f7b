package org.opendsr.kit.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.env.AbstractPropertySourceLoader;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;

/**
 * Adds the kit's defaults ({@code dsr-kit-defaults.yml}: security, health, metrics, datasource, Kafka) below
 * every service's own {@code application.yml}, so the shared settings are written once and any service or
 * environment variable can still override them.
 */
public final class KitDefaultProperties implements ApplicationContextConfigurer {

    static final String RESOURCE = "dsr-kit-defaults.yml";

    @Override
    public void configure(ApplicationContextBuilder builder) {
        try (InputStream in = KitDefaultProperties.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            Map<String, Object> defaults = new YamlPropertySourceLoader().read(RESOURCE, in);
            builder.propertySources(PropertySource.of("dsr-kit-defaults", defaults,
                    AbstractPropertySourceLoader.DEFAULT_POSITION - 100));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }
}
