package org.opendsr.testkit;

/** How a test reaches one database of the real PostgreSQL server. */
public record DatabaseCoordinates(String jdbcUrl, String username, String password) {
}
