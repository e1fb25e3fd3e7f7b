package org.opendsr.kit;

import io.micronaut.runtime.Micronaut;

/**
 * The main class of every DSR service and the gateway (each pom's exec.mainClass, so the jar's Main-Class): the kit
 * starts the application, a module has no main class of its own. Micronaut finds the module's beans, controllers and
 * repositories from what its annotation processors generated on the classpath, and its application.yml from the
 * classpath, wherever the main class is.
 */
public final class DsrApplication {

    private DsrApplication() {
    }

    public static void main(String[] args) {
        Micronaut.build(args)
                .mainClass(DsrApplication.class)
                // Every module's code is under org.opendsr: the environment's packages cover it as they did when each
                // module started itself from its own package.
                .packages("org.opendsr")
                // Service logs are JSON lines only (logback.xml): no text banner at start.
                .banner(false)
                .start();
    }
}
