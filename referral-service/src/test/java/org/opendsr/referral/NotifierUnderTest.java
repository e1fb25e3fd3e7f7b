package org.opendsr.referral;

import java.util.Map;

/**
 * referral-service with the notifier sending to the local mailbox every 200 ms, so that a test sees a queued message
 * written as it would go within a moment, not the 10 s of a real run.
 */
abstract class NotifierUnderTest extends ReferralServiceUnderTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("dsr.notifications.sender", "local-mailbox");
        properties.put("dsr.notifications.send-every", "200ms");
        return properties;
    }
}
