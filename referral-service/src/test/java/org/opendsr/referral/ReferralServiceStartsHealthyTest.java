package org.opendsr.referral;

import java.util.Map;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.opendsr.testkit.DsrTestEnvironment;
import org.opendsr.testkit.ServiceStartsHealthyContract;

@MicronautTest(transactional = false)
class ReferralServiceStartsHealthyTest extends ServiceStartsHealthyContract {

    @Override
    public Map<String, String> getProperties() {
        return DsrTestEnvironment.forService("referral");
    }
}
