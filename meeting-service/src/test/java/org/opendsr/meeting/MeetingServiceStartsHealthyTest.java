package org.opendsr.meeting;

import java.util.Map;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.opendsr.testkit.DsrTestEnvironment;
import org.opendsr.testkit.GeneratedDeploymentProbesContract;
import org.opendsr.testkit.ServiceStartsHealthyContract;

@MicronautTest(transactional = false)
class MeetingServiceStartsHealthyTest extends ServiceStartsHealthyContract implements GeneratedDeploymentProbesContract {

    @Override
    public EmbeddedServer embeddedServer() {
        return server;
    }

    @Override
    public Map<String, String> getProperties() {
        return withManagementPort(DsrTestEnvironment.forService("meeting"));
    }
}
