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
 * Adds a kit's defaults (a YAML resource) below every service's own {@code application.yml}, so shared settings
 * are written once and any service or environment variable can still override them.
 */
public abstract class KitDefaultProperties implements ApplicationContextConfigurer {

    private final String resource;

    protected KitDefaultProperties(String resource) {
        this.resource = resource;
    }

    @Override
    public void configure(ApplicationContextBuilder builder) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            Map<String, Object> defaults = new YamlPropertySourceLoader().read(resource, in);
            builder.propertySources(PropertySource.of(resource, defaults,
                    AbstractPropertySourceLoader.DEFAULT_POSITION - 100));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }

    /** The HTTP kit's defaults: security, health, metrics, the server. */
    public static final class HttpKitDefaults extends KitDefaultProperties {
        public HttpKitDefaults() {
            super("dsr-http-kit-defaults.yml");
        }
    }
}
