package org.opendsr.referral.worklists.adapters.web;

import io.micronaut.serde.annotation.SerdeImport;
import org.opendsr.referral.worklists.application.Listings;

/**
 * The listings' read models are shaped for the DSR team's screens and served as they are (they are projections for
 * these views, not the domain), so they need no copy here.
 */
@SerdeImport(Listings.RegisterLine.class)
@SerdeImport(Listings.AwaitingContact.class)
@SerdeImport(Listings.Unallocated.class)
@SerdeImport(Listings.DuplicateFlag.class)
@SerdeImport(Listings.FlaggedPerson.class)
final class ListingReadModels {

    private ListingReadModels() {
    }
}
