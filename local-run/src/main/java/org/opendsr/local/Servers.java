package org.opendsr.local;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The PostgreSQL server and Kafka broker the DSR runs on: embedded ones the launcher starts and stops
 * ({@link EmbeddedServers}), or servers a caller already has ({@link #given}), such as a test run's, which come from
 * the environment, Testcontainers or the test kit's own embedded servers.
 */
public interface Servers {

    /** The JDBC URL of a service's database; the database exists. */
    String jdbcUrl(String database);

    String postgresUsername();

    String postgresPassword();

    String kafkaBootstrapServers();

    /** The processes these servers run on this machine, by name; none for given servers. */
    Map<String, Long> pids();

    /** Stops what the launcher started; given servers are left running for whoever gave them. */
    void stop();

    /** The databases the DSR needs, one per service, each owned by the service that migrates it. */
    static List<String> databases() {
        return LocalComponent.all().stream().map(LocalComponent::database).filter(name -> name != null).toList();
    }

    /**
     * Servers that already run. {@code jdbcUrlOfDatabase} maps each of {@link #databases()} to an existing database,
     * so a caller can give every run fresh ones.
     */
    static Servers given(UnaryOperator<String> jdbcUrlOfDatabase, String username, String password,
                         String kafkaBootstrapServers) {
        return new Given(jdbcUrlOfDatabase, username, password, kafkaBootstrapServers);
    }

    /** Servers someone else runs: nothing to report, nothing to stop. */
    record Given(UnaryOperator<String> jdbcUrlOfDatabase, String postgresUsername, String postgresPassword,
                 String kafkaBootstrapServers) implements Servers {

        @Override
        public String jdbcUrl(String database) {
            return jdbcUrlOfDatabase.apply(database);
        }

        @Override
        public Map<String, Long> pids() {
            return Map.of();
        }

        @Override
        public void stop() {
        }
    }
}
