package org.opendsr.meeting.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.TestTokens;
import org.opendsr.testkit.events.ReferralEvents;

/** The meetings API as the gateway calls it, with a token for each kind of user. */
public final class MeetingApi {

    public final ApiClient http;
    /** The referrer ReferralEvents puts in every care team. */
    public final String professional = TestTokens.get().tokenFor(ReferralEvents.REFERRER, DsrRoles.PROFESSIONAL);
    /** A professional outside the care teams of the people ReferralEvents refers. */
    public final String anotherProfessional = TestTokens.get().tokenFor("professional-2", DsrRoles.PROFESSIONAL);
    /** The DSR team of SWINDON (and the test environment's other areas), where ReferralEvents' people live. */
    public final String dsrTeam = TestTokens.get().tokenFor("dsr-team-1", DsrRoles.DSR_TEAM);
    /** A DSR team member who works in Wiltshire only, not in the area of the people ReferralEvents refers. */
    public final String dsrTeamInWiltshire = TestTokens.get().tokenFor("dsr-team-wiltshire",
            List.of(DsrRoles.DSR_TEAM), Map.of("areas", List.of("WILTSHIRE")), Duration.ofHours(1));
    public final String dsrLead = TestTokens.get().tokenFor("dsr-lead-1", DsrRoles.DSR_LEAD);
    public final String admin = TestTokens.get().tokenFor("admin-1", DsrRoles.ADMIN);
    public final String analyst = TestTokens.get().tokenFor("analyst-1", DsrRoles.ANALYST);
    public final String agencySystem = TestTokens.get().tokenFor("agency-1", DsrRoles.AGENCY_SYSTEM);

    public MeetingApi(String baseUrl) {
        this.http = new ApiClient(baseUrl);
    }

    /** Every token that is neither the DSR team nor a lead: refused on the DSR team's own endpoints. */
    public List<String> notTheDsr() {
        return List.of(professional, anotherProfessional, admin, analyst, agencySystem);
    }
}
