package org.opendsr.reporting.publishing.application;

import java.util.List;

import io.micronaut.context.annotation.ConfigurationProperties;
import org.opendsr.reporting.publishing.domain.Categories;

/**
 * {@code dsr.reporting.localities} and {@code dsr.reporting.service-types}: the categories every report shows, 0 where
 * nobody is in them. The localities are referral-service's ({@code dsr.referral.localities}); the service types are
 * meeting-service's catalogue codes ({@code dsr.meeting.recommendations.catalogue}). A category the figures hold beyond
 * these lists is shown too.
 */
@ConfigurationProperties("dsr.reporting")
public class CategorySettings {

    private List<String> localities = List.of("SWINDON", "WILTSHIRE", "BATH_AND_NORTH_EAST_SOMERSET");
    private List<String> serviceTypes = List.of();

    public Categories categories() {
        return new Categories(localities, serviceTypes);
    }

    public List<String> getLocalities() {
        return localities;
    }

    public void setLocalities(List<String> localities) {
        this.localities = List.copyOf(localities);
    }

    public List<String> getServiceTypes() {
        return serviceTypes;
    }

    public void setServiceTypes(List<String> serviceTypes) {
        this.serviceTypes = List.copyOf(serviceTypes);
    }
}
