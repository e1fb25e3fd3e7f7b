package org.opendsr.referral.intake.application;

import java.util.List;
import java.util.Set;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.opendsr.contracts.Topics;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.shared.application.AgencySystem;

/**
 * Which agency sent an inbound record, from what the broker vouches for rather than what the record says.
 *
 * <p>Why a topic per agency (issue 11 finding 4): the CloudEvents {@code source} is written by the publisher, so any
 * agency able to write the one shared topic could speak as any other. Kafka authenticates each agency's principal and
 * its ACLs decide which topics the principal may write; giving every agency its own topic
 * ({@code dsr.agency.inbound.<agency-id>}, WRITE for that agency's KafkaUser only) makes the topic a record arrived on
 * the broker's word for who sent it. A header set by the producer would be as forgeable as {@code source}; reading
 * the principal on the broker side would need a custom broker plugin. The source must still name the same agency, so
 * that a misconfigured publisher is told (dead letter) instead of being taken as someone else.
 *
 * <p>Agencies are registered by configuration ({@code dsr.referral.agencies}, env {@code DSR_REFERRAL_AGENCIES},
 * comma-separated ids; the demo agency {@code wiltshire-council} by default): a record on the topic of an agency that
 * is not registered (a topic created by mistake, an agency being withdrawn) is refused too.
 */
@Singleton
public class RegisteredAgencies {

    /** The same words whatever is wrong: the dead letter says what to check without helping anyone probe. */
    static final String NOT_THIS_AGENCY = "source: must be /agency/<agency-id> of the registered agency whose topic "
            + "this is";

    private final Set<String> registered;

    public RegisteredAgencies(@Value("${dsr.referral.agencies:wiltshire-council}") List<String> registered) {
        for (String id : registered) {
            try {
                Topics.agencyInbound(id);
            } catch (IllegalArgumentException notAnId) {
                throw new IllegalArgumentException("dsr.referral.agencies: an agency id is lower-case letters, digits "
                        + "and hyphens (it names a Kafka topic and user)", notAnId);
            }
        }
        this.registered = Set.copyOf(registered);
    }

    /**
     * The agency that sent a record that arrived on {@code topic} saying it came from {@code source}; refused (the
     * record goes to the agency's dead-letter topic and changes nothing) unless the topic is a registered agency's
     * own and the source names that agency.
     */
    public AgencySystem sender(String topic, String source) {
        AgencySystem agency = Topics.agencyOf(topic).filter(registered::contains).map(AgencySystem::new)
                .orElseThrow(() -> RuleBroken.conflict("unregistered-agency", "Not a registered agency's topic",
                        "this topic belongs to no registered agency (dsr.referral.agencies)"));
        if (!agency.source().equals(source)) {
            throw RuleBroken.conflict("source-not-the-agency", "Source is not the topic's agency", NOT_THIS_AGENCY);
        }
        return agency;
    }

    public Set<String> ids() {
        return registered;
    }
}
