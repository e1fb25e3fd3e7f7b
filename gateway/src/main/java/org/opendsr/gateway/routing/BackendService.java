package org.opendsr.gateway.routing;

import java.net.URI;
import java.util.List;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

/**
 * One service behind the gateway ({@code dsr.gateway.services.<name>}): where it answers and which API paths it
 * serves. {@code /api/referrals/...} goes to the service listing {@code /referrals}, as {@code /referrals/...}.
 */
@EachProperty("dsr.gateway.services")
public class BackendService {

    private final String name;
    private URI url;
    private List<String> paths = List.of();

    public BackendService(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public URI getUrl() {
        return url;
    }

    public void setUrl(URI url) {
        this.url = url;
    }

    public List<String> getPaths() {
        return paths;
    }

    public void setPaths(List<String> paths) {
        this.paths = List.copyOf(paths);
    }

    /** True when this service serves the path (below /api): equal to one of its paths or under it. */
    boolean serves(String path) {
        return paths.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }
}
