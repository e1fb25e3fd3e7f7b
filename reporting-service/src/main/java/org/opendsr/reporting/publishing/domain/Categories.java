package org.opendsr.reporting.publishing.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.Diagnosis;
import org.opendsr.contracts.common.EthnicCategory;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.referral.ReferralRoute;
import org.opendsr.reporting.measures.domain.Dimension;

/**
 * Every category of every dimension a report shows, so that a category with nobody in it is shown as 0 rather than
 * left out (a missing row cannot be told from a forgotten one, and an empty month would lose its breakdowns). The
 * closed lists of the DSR's vocabulary come first, in their own order; then any other category the figures hold
 * (alphabetically: a locality added since the list was configured); then {@link Dimension#NOT_RECORDED}, where people
 * whose attribute is not known are counted.
 *
 * @param localities   the ICB's localities ({@code dsr.reporting.localities}, the same list as referral-service's);
 *                     {@link #OUT_OF_AREA} follows them
 * @param serviceTypes the service types meetings recommend ({@code dsr.reporting.service-types}, meeting-service's
 *                     catalogue codes)
 */
public record Categories(List<String> localities, List<String> serviceTypes) {

    /** People who live outside the ICB's localities. */
    public static final String OUT_OF_AREA = "OUT_OF_AREA";

    public Categories {
        localities = List.copyOf(localities);
        serviceTypes = List.copyOf(serviceTypes);
    }

    /** Every category of a dimension, in the order shown, with the categories the figures hold beyond the lists. */
    public List<String> of(Dimension dimension, Collection<String> seen) {
        List<String> known = switch (dimension) {
            case TOTAL -> List.of(Dimension.ALL);
            case LOCALITY -> Stream.concat(localities.stream(), Stream.of(OUT_OF_AREA)).toList();
            case AGE_BAND -> names(AgeBand.values());
            case LIFE_STAGE -> names(LifeStage.values());
            case DIAGNOSIS -> names(Diagnosis.values());
            case ETHNIC_CATEGORY -> names(EthnicCategory.values());
            case REFERRAL_SOURCE -> names(ReferralRoute.values());
            case SERVICE_TYPE -> serviceTypes;
        };
        boolean notRecordedShown = dimension != Dimension.TOTAL && dimension != Dimension.SERVICE_TYPE;
        Set<String> all = new LinkedHashSet<>(known);
        Set<String> others = new TreeSet<>(seen);
        others.removeAll(known);
        if (notRecordedShown) {
            others.remove(Dimension.NOT_RECORDED);
        }
        all.addAll(others);
        if (notRecordedShown) {
            all.add(Dimension.NOT_RECORDED);
        }
        return new ArrayList<>(all);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
