package org.opendsr.kit.observability;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Routes java.util.logging into the JSON log. The OpenTelemetry SDK reports through it (e.g. "Failed to export
 * spans" while a configured collector is down), and would otherwise print multi-line text on stderr between the
 * JSON lines. Installed before the application context starts, so that nothing is logged around it.
 */
public final class JavaUtilLoggingToJson implements ApplicationContextConfigurer {

    @Override
    public void configure(ApplicationContextBuilder builder) {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
