package org.opendsr.kit.lifecycle;

import java.io.IOException;
import java.io.InputStream;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.ApplicationConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For services started as children of the local launcher: exits when standard input closes, which happens when
 * the launcher ends in any way, even kill -9, so no service is left running. Off unless
 * {@code DSR_EXIT_WITH_PARENT=true}; containers and clusters never set it.
 */
@Context
@Requires(property = "dsr.exit-with-parent", value = "true")
public class ExitWhenParentEnds {

    private static final Logger LOG = LoggerFactory.getLogger(ExitWhenParentEnds.class);

    public ExitWhenParentEnds(ApplicationConfiguration application) {
        String name = application.getName().orElse("service");
        Thread watcher = new Thread(() -> {
            InputStream parent = System.in;
            try {
                while (parent.read() != -1) {
                    // The launcher never writes; it only holds the pipe open while it lives.
                }
            } catch (IOException ignored) {
                // A broken pipe means the same: the launcher is gone.
            }
            LOG.info("{}: the launcher has gone; shutting down", name);
            System.exit(0);
        }, "exit-with-parent");
        watcher.setDaemon(true);
        watcher.start();
    }
}
