package org.opendsr.referral.shared.application;

import org.opendsr.contracts.EventSources;

/**
 * An agency system as its Kafka credentials prove it: the agency whose own inbound topic a record arrived on (only
 * that agency's principal may write it), registered with the DSR and naming itself as the record's source.
 *
 * @param id the registered agency id, e.g. {@code wiltshire-council}: the subject of its care-team membership
 *           (role PROVIDING_AGENCY) and the suffix of its topic
 */
public record AgencySystem(String id) {

    /** The CloudEvents source it publishes as, {@code /agency/<id>}: how its referrals and audit rows name it. */
    public String source() {
        return EventSources.AGENCY_SYSTEMS + "/" + id;
    }
}
