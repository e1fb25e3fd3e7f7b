package org.opendsr.local;

import java.io.PrintStream;
import java.time.Duration;

/** What the launcher tells the person watching: each step, then ok with its time, or what failed. */
public interface Progress {

    Progress SILENT = new Progress() {
        @Override
        public void step(String what) {
        }

        @Override
        public void done(Duration took) {
        }

        @Override
        public void say(String line) {
        }
    };

    void step(String what);

    void done(Duration took);

    void say(String line);

    static Progress to(PrintStream out) {
        return new Progress() {
            @Override
            public void step(String what) {
                out.print("  " + what + " ... ");
                out.flush();
            }

            @Override
            public void done(Duration took) {
                out.printf("ok (%.1f s)%n", took.toMillis() / 1000.0);
            }

            @Override
            public void say(String line) {
                out.println(line);
            }
        };
    }
}
