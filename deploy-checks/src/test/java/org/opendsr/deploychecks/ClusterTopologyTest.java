package org.opendsr.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.EnvVar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendsr.contracts.Topics;

/**
 * The parts fit together: every topic the code names exists with its dead-letter topic, every service's Kafka user,
 * database role, database and Secrets exist under the names its Deployment uses, and NetworkPolicies cover every
 * deployed module.
 */
class ClusterTopologyTest {

    static final List<Manifests.Resource> CLUSTER = Manifests.allClusterResources();

    static List<String> dataServices() {
        return Repository.dataServices();
    }

    static List<String> deployedModules() {
        return Repository.deployedModules();
    }

    @Test
    void everyTopicOfTheEventContractsExistsWithItsDeadLetterTopic() {
        Set<String> topics = topicNames();
        for (String topic : List.of(Topics.REFERRAL_EVENTS, Topics.CONSENT_EVENTS, Topics.RISK_EVENTS,
                Topics.MEETING_EVENTS, Topics.REPORTING_EVENTS, Topics.agencyInbound("wiltshire-council"),
                Topics.GATEWAY_ACCESS)) {
            assertThat(topics).contains(topic, Topics.deadLetterTopicOf(topic));
        }
        // And every topic the event catalogue names (a new service's topic is declared with its first event); the
        // agency channel is a pattern, its topics are checked above and below.
        org.opendsr.contracts.EventCatalogue.all().stream()
                .filter(contract -> !contract.topic().equals(Topics.AGENCY_INBOUND_CHANNEL))
                .forEach(contract -> assertThat(topics).as(contract.type())
                        .contains(contract.topic(), Topics.deadLetterTopicOf(contract.topic())));
    }

    /**
     * Issue 16: reporting-service publishes its erasure confirmations on dsr.reporting.events, which it alone may write,
     * and referral-service's "erasure complete" view reads them in group referral-service.erasure-confirmations (with
     * Write on the .dlt, as for every topic it reads, and Read on it for its dead-letter office); no other service
     * may read it.
     */
    @Test
    void reportingsErasureConfirmationsAreWrittenByReportingAndReadByReferralService() {
        Set<String> writers = new TreeSet<>();
        Set<String> readers = new TreeSet<>();
        StringBuilder deadLetterOperations = new StringBuilder();
        for (Manifests.Resource user : Manifests.ofKind(CLUSTER, "KafkaUser")) {
            String name = user.node().path("metadata").path("name").asText();
            for (JsonNode acl : user.node().path("spec").path("authorization").path("acls")) {
                String resource = acl.path("resource").path("name").asText();
                String operations = acl.path("operations").toString();
                if (resource.equals(Topics.REPORTING_EVENTS)) {
                    (operations.contains("Write") ? writers : readers).add(name);
                }
                if (resource.equals(Topics.deadLetterTopicOf(Topics.REPORTING_EVENTS))) {
                    assertThat(name).isEqualTo("referral-service");
                    deadLetterOperations.append(operations);
                }
            }
        }
        // Write for its listener's dead letters, Read for its dead-letter office (service-kit) that keeps them.
        assertThat(deadLetterOperations.toString()).as("referral-service on the .dlt").contains("Write", "Read");
        assertThat(writers).containsExactly("reporting-service");
        assertThat(readers).containsExactly("referral-service");
        Manifests.Resource referral = Manifests.find(CLUSTER, "KafkaUser", "referral-service").orElseThrow();
        assertThat(referral.node().path("spec").path("authorization").path("acls").findValuesAsText("name"))
                .contains("referral-service.erasure-confirmations", Topics.deadLetterTopicOf(Topics.REPORTING_EVENTS));
    }

    /**
     * Issue 16: no topic keeps personal identifiers longer than the inbound topics do. An agency's dead letters are its
     * inbound records (names, NHS numbers, dates of birth, addresses), so each agency's .dlt keeps them exactly as long
     * as its inbound topic (7 days), in the cluster and in compose alike (compose is held to the cluster below); and
     * the inbound retention is the short one, no longer than any other topic's.
     */
    @Test
    void anAgencysDeadLettersAreKeptNoLongerThanItsInboundTopic() {
        List<String> agencyTopics = topicNames().stream().filter(name -> name.matches(Topics.AGENCY_INBOUND_PATTERN))
                .toList();
        assertThat(agencyTopics).isNotEmpty();
        long shortest = Manifests.ofKind(CLUSTER, "KafkaTopic").stream()
                .mapToLong(topic -> retentionMs(topic.node().path("spec").path("topicName").asText()))
                .min().orElseThrow();
        for (String inbound : agencyTopics) {
            long inboundRetention = retentionMs(inbound);
            assertThat(inboundRetention).as(inbound).isEqualTo(java.time.Duration.ofDays(7).toMillis())
                    .isEqualTo(shortest);
            assertThat(retentionMs(Topics.deadLetterTopicOf(inbound))).as(Topics.deadLetterTopicOf(inbound))
                    .isEqualTo(inboundRetention);
        }
    }

    private static long retentionMs(String topicName) {
        return Manifests.ofKind(CLUSTER, "KafkaTopic").stream()
                .filter(topic -> topic.node().path("spec").path("topicName").asText().equals(topicName))
                .findFirst().orElseThrow(() -> new AssertionError("no KafkaTopic " + topicName))
                .node().path("spec").path("config").path("retention.ms").asLong();
    }

    /**
     * Issue 11: an agency is the topic it may write. Every agency inbound topic has its dead-letter topic, and exactly
     * one KafkaUser may write it (its agency, named agency-&lt;id&gt;), which may write no other topic and may read only
     * its own dead letters; the old shared topic is gone.
     */
    @Test
    void eachAgencyAloneWritesItsOwnTopicAndReadsItsOwnDeadLetters() {
        Set<String> topics = topicNames();
        assertThat(topics).doesNotContain("dsr.agency.inbound", "dsr.agency.inbound.dlt");
        Set<String> agencyTopics = topics.stream().filter(name -> name.matches(Topics.AGENCY_INBOUND_PATTERN))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(agencyTopics).isNotEmpty();
        for (String topic : agencyTopics) {
            String agency = Topics.agencyOf(topic).orElseThrow();
            assertThat(topics).contains(Topics.deadLetterTopicOf(topic));
            List<String> writers = new ArrayList<>();
            for (Manifests.Resource user : Manifests.ofKind(CLUSTER, "KafkaUser")) {
                for (JsonNode acl : user.node().path("spec").path("authorization").path("acls")) {
                    if (acl.path("resource").path("name").asText().equals(topic)
                            && acl.path("operations").toString().contains("Write")) {
                        writers.add(user.node().path("metadata").path("name").asText());
                    }
                }
            }
            assertThat(writers).as("who may write " + topic).containsExactly("agency-" + agency);
            Manifests.Resource user = Manifests.find(CLUSTER, "KafkaUser", "agency-" + agency).orElseThrow();
            Set<String> written = new TreeSet<>();
            Set<String> read = new TreeSet<>();
            for (JsonNode acl : user.node().path("spec").path("authorization").path("acls")) {
                if (acl.path("resource").path("type").asText().equals("topic")) {
                    String name = acl.path("resource").path("name").asText();
                    (acl.path("operations").toString().contains("Write") ? written : read).add(name);
                }
            }
            assertThat(written).as("agency-" + agency + " writes").containsExactly(topic);
            assertThat(read).as("agency-" + agency + " reads").containsExactly(Topics.deadLetterTopicOf(topic));
        }
    }

    @Test
    void topicsAreReplicatedAndHaveARetention() {
        for (Manifests.Resource topic : Manifests.ofKind(CLUSTER, "KafkaTopic")) {
            JsonNode spec = topic.node().path("spec");
            assertThat(spec.path("replicas").asInt()).as(topic.toString()).isEqualTo(3);
            assertThat(spec.path("config").path("min.insync.replicas").asInt()).as(topic.toString()).isEqualTo(2);
            assertThat(spec.path("config").path("retention.ms").asLong()).as(topic.toString()).isPositive();
            assertThat(topic.node().path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo("dsr-kafka");
        }
    }

    @Test
    void kafkaUsersOnlyNameTopicsThatExist() {
        Set<String> topics = topicNames();
        for (Manifests.Resource user : Manifests.ofKind(CLUSTER, "KafkaUser")) {
            for (JsonNode acl : user.node().path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                if (resource.path("type").asText().equals("topic")) {
                    assertThat(topics).as(user + " names a topic").contains(resource.path("name").asText());
                    assertThat(resource.path("patternType").asText()).isEqualTo("literal");
                }
                assertThat(acl.path("operations").toString()).doesNotContain("All").doesNotContain("Create")
                        .doesNotContain("Delete").doesNotContain("Alter");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dataServices")
    void aServiceHasAKafkaUserOfItsOwnWhoseSecretItReads(String module) {
        assertThat(Manifests.find(CLUSTER, "KafkaUser", module)).as("KafkaUser " + module + " in deploy/k8s").isPresent();
        assertThat(secretRef(module, "KAFKA_SASL_JAAS_CONFIG")).isEqualTo(module + "/sasl.jaas.config");
    }

    /**
     * The gateway publishes its access records and nothing else: its own KafkaUser may Write (and Describe)
     * dsr.gateway.access only, reads no topic and has no group; its Deployment reads that user's Secret.
     */
    @Test
    void theGatewayMayOnlyPublishItsAccessRecords() {
        Manifests.Resource user = Manifests.find(CLUSTER, "KafkaUser", "gateway").orElseThrow(
                () -> new AssertionError("no KafkaUser gateway in deploy/k8s/12-kafka-users.yaml"));
        JsonNode acls = user.node().path("spec").path("authorization").path("acls");
        assertThat(acls).hasSize(1);
        assertThat(acls.get(0).path("resource").path("type").asText()).isEqualTo("topic");
        assertThat(acls.get(0).path("resource").path("name").asText()).isEqualTo(Topics.GATEWAY_ACCESS);
        assertThat(acls.get(0).path("operations").toString()).isEqualTo("[\"Write\",\"Describe\"]");
        assertThat(secretRef("gateway", "KAFKA_SASL_JAAS_CONFIG")).isEqualTo("gateway/sasl.jaas.config");
    }

    /**
     * Least privilege, checked against the code: Read on exactly the consumer groups its listeners use and the topics
     * they read, Write on exactly the topics its outbox publishes and the dead-letter topics of what it reads.
     */
    @ParameterizedTest
    @MethodSource("dataServices")
    void aServicesKafkaUserMayDoExactlyWhatItsCodeDoes(String module) {
        KafkaUsage usage = KafkaUsage.of(module);
        Manifests.Resource user = Manifests.find(CLUSTER, "KafkaUser", module).orElseThrow();
        Set<String> readGroups = new TreeSet<>();
        Set<String> readTopics = new TreeSet<>();
        Set<String> writtenTopics = new TreeSet<>();
        for (JsonNode acl : user.node().path("spec").path("authorization").path("acls")) {
            String type = acl.path("resource").path("type").asText();
            String name = acl.path("resource").path("name").asText();
            List<String> operations = new ArrayList<>();
            acl.path("operations").forEach(operation -> operations.add(operation.asText()));
            assertThat(acl.path("type").asText("allow")).as(user + " " + name).isEqualTo("allow");
            assertThat(acl.path("resource").path("patternType").asText()).as(user + " " + name).isEqualTo("literal");
            switch (type) {
                case "group" -> {
                    assertThat(operations).as(user + " group " + name).containsExactly("Read");
                    readGroups.add(name);
                }
                case "topic" -> {
                    assertThat(operations).as(user + " topic " + name).hasSize(2);
                    assertThat(Set.copyOf(operations)).as(user + " topic " + name)
                            .isIn(Set.of("Read", "Describe"), Set.of("Write", "Describe"));
                    (operations.contains("Read") ? readTopics : writtenTopics).add(name);
                }
                // No transactional producer in the code, and an idempotent producer needs no IdempotentWrite on
                // the cluster once it may write some topic (KIP-679, Kafka 3.0+); so no cluster or
                // transactionalId ACLs.
                default -> throw new AssertionError(user + " has a " + type + " ACL the code does not need: " + acl);
            }
        }
        // Its listeners' groups and topics, and its dead-letter office's group and the dead-letter topics it reads back.
        Set<String> groups = new TreeSet<>(usage.groups());
        groups.add(usage.deadLetterOfficeGroup());
        Set<String> reads = new TreeSet<>(usage.readTopics());
        reads.addAll(usage.deadLetterTopicsRead());
        assertThat(readGroups).as(module + "'s consumer groups (" + usage + ")").isEqualTo(groups);
        assertThat(readTopics).as(module + " reads (" + usage + ")").isEqualTo(reads);
        assertThat(writtenTopics).as(module + " writes (" + usage + ")").isEqualTo(usage.writtenTopics());
    }

    @ParameterizedTest
    @MethodSource("dataServices")
    void whatAServicePublishesIsCataloguedAsItsOwnAndNoServiceUsesTransactions(String module) {
        KafkaUsage usage = KafkaUsage.of(module);
        if (!usage.publishedEventTypes().isEmpty()) {
            assertThat(usage.cataloguedSourcesOfWhatItPublishes()).containsExactly("/dsr/" + module);
        }
        for (String part : List.of(module, "service-kit")) {
            KafkaUsage.sources(part).forEach(source -> assertThat(Repository.read(source)).as(source.toString())
                    .doesNotContain("TRANSACTIONAL_ID").doesNotContain("transactional.id"));
        }
    }

    /** The source reading of {@link KafkaUsage} sees the listeners and publishers there are, not nothing. */
    @Test
    void theCodeReadingFindsEveryListenerAndPublisher() {
        Set<String> publishedTopics = new TreeSet<>();
        Set<String> readTopics = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        for (String module : dataServices()) {
            KafkaUsage usage = KafkaUsage.of(module);
            publishedTopics.addAll(usage.publishedTopics());
            readTopics.addAll(usage.readTopics());
            groups.addAll(usage.groups());
        }
        int listenerClasses = 0;
        for (String module : dataServices()) {
            for (var source : KafkaUsage.sources(module)) {
                if (Repository.read(source).contains("@DsrEventListener(") || Repository.read(source).contains("@KafkaListener(")) {
                    listenerClasses++;
                }
            }
        }
        assertThat(groups).as("one consumer group per listener class").hasSize(listenerClasses);
        assertThat(listenerClasses).isPositive();
        // Every topic someone reads is published by a service, by agencies (the inbound topic), or has a published
        // contract whose service does not publish it yet (dsr.risk.events: rating changes are followed ahead of risk-
        // service's rating capability). A listener on a misspelt topic fails here.
        Set<String> publishedOrInbound = new TreeSet<>(publishedTopics);
        topicNames().stream().filter(name -> name.matches(Topics.AGENCY_INBOUND_PATTERN)).forEach(publishedOrInbound::add);
        org.opendsr.contracts.EventCatalogue.all().forEach(contract -> publishedOrInbound.add(contract.topic()));
        assertThat(publishedOrInbound).containsAll(readTopics);
    }

    @ParameterizedTest
    @MethodSource("dataServices")
    void aServiceHasADatabaseOwnedByItsRoleWhosePasswordSecretItReads(String module) {
        String url = configMap(module).path("data").path("DATASOURCES_DEFAULT_URL").asText();
        assertThat(url).startsWith("jdbc:postgresql://dsr-postgres-rw:5432/");
        String database = url.replaceFirst("\\?.*", "").substring(url.replaceFirst("\\?.*", "").lastIndexOf('/') + 1);
        Manifests.Resource databaseResource = Manifests.ofKind(CLUSTER, "Database").stream()
                .filter(d -> d.node().path("spec").path("name").asText().equals(database)).findFirst()
                .orElseThrow(() -> new AssertionError("no Database " + database + " for " + module));
        String owner = databaseResource.node().path("spec").path("owner").asText();
        JsonNode role = null;
        for (JsonNode candidate : cluster().path("spec").path("managed").path("roles")) {
            if (candidate.path("name").asText().equals(owner)) {
                role = candidate;
            }
        }
        assertThat(role).as("managed role " + owner).isNotNull();
        String secret = role.path("passwordSecret").path("name").asText();
        assertThat(secretRef(module, "DATASOURCES_DEFAULT_USERNAME")).isEqualTo(secret + "/username");
        assertThat(secretRef(module, "DATASOURCES_DEFAULT_PASSWORD")).isEqualTo(secret + "/password");
        assertThat(Repository.read(Repository.DEPLOY.resolve("create-secrets.sh"))).contains("$db-db-credentials")
                .contains(" " + owner + " ").as("create-secrets.sh makes " + secret);
        assertThat(cluster().path("spec").path("postgresql").path("pg_hba").toString())
                .as("role " + owner + " may open its own database, over TLS only").contains("\"hostssl " + database + " " + owner + " ")
                .doesNotContain("\"host " + database + " ");
    }

    /**
     * The JDBC connection is TLS with the server checked against CloudNativePG's CA (Secret {@code <cluster>-ca}),
     * mounted read-only where the URL's sslrootcert points; pg_hba admits the services' roles over TLS only.
     */
    @ParameterizedTest
    @MethodSource("dataServices")
    void aServiceConnectsToPostgresOverVerifiedTls(String module) {
        String url = configMap(module).path("data").path("DATASOURCES_DEFAULT_URL").asText();
        assertThat(url).contains("sslmode=verify-full");
        Matcher rootCert = Pattern.compile("[?&]sslrootcert=([^&]+)").matcher(url);
        assertThat(rootCert.find()).as(url + " names its CA file").isTrue();
        Path caFile = Path.of(rootCert.group(1));
        var pod = GeneratedManifestsTest.deployment(module).getSpec().getTemplate().getSpec();
        var mount = pod.getContainers().get(0).getVolumeMounts().stream()
                .filter(m -> caFile.startsWith(m.getMountPath())).findFirst()
                .orElseThrow(() -> new AssertionError(module + " mounts nothing at " + caFile));
        assertThat(mount.getReadOnly()).isTrue();
        var volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
        assertThat(volume.getSecret().getSecretName()).isEqualTo(cluster().path("metadata").path("name").asText() + "-ca");
        assertThat(volume.getSecret().getItems()).anySatisfy(item ->
                assertThat(Path.of(mount.getMountPath(), item.getPath())).isEqualTo(caFile));
    }

    @ParameterizedTest
    @MethodSource("deployedModules")
    void aNetworkPolicyCoversEveryDeployedModule(String module) {
        Manifests.Resource policy = Manifests.find(CLUSTER, "NetworkPolicy", module).orElseThrow(
                () -> new AssertionError("no NetworkPolicy " + module + " in deploy/k8s/30-network-policies.yaml"));
        assertThat(policy.node().path("spec").path("podSelector").path("matchLabels").path("app").asText()).isEqualTo(module);
        var podLabels = GeneratedManifestsTest.deployment(module).getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels).containsEntry("app", module).containsEntry("group", "org.opendsr");
    }

    @Test
    void onlyTheGatewayIsReachableFromOutsideTheNamespace() {
        for (Manifests.Resource policy : Manifests.ofKind(CLUSTER, "NetworkPolicy")) {
            boolean fromOtherNamespace = policy.node().path("spec").path("ingress").findValues("namespaceSelector").stream()
                    .anyMatch(selector -> !selector.isMissingNode());
            if (fromOtherNamespace) {
                assertThat(policy.name()).as(policy + " admits traffic from another namespace")
                        .isIn("gateway", "dsr-apps-allow-metrics-scrape", "dsr-postgres");
            }
        }
        Manifests.Resource ingress = Manifests.ofKind(CLUSTER, "Ingress").stream().collect(Collectors.collectingAndThen(
                Collectors.toList(), list -> { assertThat(list).hasSize(1); return list.get(0); }));
        assertThat(ingress.node().path("spec").path("tls")).isNotEmpty();
        assertThat(ingress.node().findValues("service")).allSatisfy(service -> {
            assertThat(service.path("name").asText()).isEqualTo("gateway");
            assertThat(service.path("port").path("number").asInt()).isEqualTo(8080);
        });
    }

    /**
     * The Ingress forwards what a client of the DSR uses (the API and the documentation page with everything that page
     * loads, read from the page itself) and none of the anonymous operational endpoints or the demo issuer.
     */
    @Test
    void theIngressExposesWhatClientsUseAndNoOperationalOrDemoEndpoint() {
        JsonNode ingress = Manifests.ofKind(CLUSTER, "Ingress").get(0).node();
        List<String> needed = new ArrayList<>(List.of("/api/referrals", "/api/consents/x", "/docs/", "/docs/index.html",
                "/specs", "/specs/referral-service.yml", "/swagger/gateway.yml"));
        String docsPage = Repository.read(Repository.ROOT.resolve("gateway/src/main/resources/public/docs/index.html"));
        Matcher loaded = Pattern.compile("(?:src=|href=|fetch\\()[\"'](/[^\"']+)[\"']").matcher(docsPage);
        while (loaded.find()) {
            needed.add(loaded.group(1));
        }
        assertThat(needed).as("the docs page's own assets were read").contains("/swagger-ui/swagger-ui-bundle.js");
        for (String path : needed) {
            assertThat(exposes(ingress, path)).as("the Ingress forwards " + path).isTrue();
        }
        for (String path : List.of("/", "/health", "/health/liveness", "/health/readiness", "/prometheus", "/auth/demo-token",
                "/auth/demo-users", "/keys", "/swagger/referral-service.yml", "/anything", "/apix", "/specsx")) {
            assertThat(exposes(ingress, path)).as("the Ingress must not forward " + path).isFalse();
        }
    }

    /** Whether a request path matches a rule of the Ingress (Kubernetes Prefix: whole path elements; Exact). */
    static boolean exposes(JsonNode ingress, String requestPath) {
        for (JsonNode rule : ingress.path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                String declared = path.path("path").asText();
                boolean matches = switch (path.path("pathType").asText()) {
                    case "Exact" -> requestPath.equals(declared);
                    case "Prefix" -> declared.equals("/") || requestPath.equals(declared)
                            || requestPath.startsWith(declared.endsWith("/") ? declared : declared + "/");
                    default -> throw new AssertionError("pathType " + path.path("pathType") + ": use Prefix or Exact");
                };
                if (matches) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Prometheus's namespace is let in on the management port only, which serves health and metrics, not the API. */
    @Test
    void theMonitoringNamespaceReachesOnlyTheManagementPort() {
        JsonNode scrape = Manifests.find(CLUSTER, "NetworkPolicy", "dsr-apps-allow-metrics-scrape").orElseThrow().node();
        List<Integer> ports = new ArrayList<>();
        scrape.path("spec").path("ingress").findValues("ports").forEach(list -> list.forEach(port ->
                ports.add(port.path("port").asInt())));
        for (String module : deployedModules()) {
            var template = GeneratedManifestsTest.deployment(module).getSpec().getTemplate();
            var container = template.getSpec().getContainers().get(0);
            int management = container.getPorts().stream().filter(p -> p.getName().equals("management")).findFirst()
                    .orElseThrow().getContainerPort();
            int service = container.getPorts().stream().filter(p -> p.getName().equals("http")).findFirst()
                    .orElseThrow().getContainerPort();
            assertThat(ports).as(module).containsOnly(management).doesNotContain(service);
            assertThat(template.getMetadata().getAnnotations()).containsEntry("prometheus.io/port", String.valueOf(management));
        }
    }

    /** The compose broker gets every topic with the partitions and retention the cluster declares. */
    @Test
    void composeCreatesEveryTopicWithTheClustersPartitionsAndRetention() {
        String script = Repository.read(Repository.DEPLOY.resolve("compose/create-topics.sh"));
        Matcher table = Pattern.compile("<<'TOPICS'\\n(.*?)\\nTOPICS", Pattern.DOTALL).matcher(script);
        assertThat(table.find()).as("create-topics.sh keeps its topics in a TOPICS here-document").isTrue();
        Set<String> compose = new TreeSet<>();
        for (String line : table.group(1).split("\\n")) {
            compose.add(String.join(" ", line.trim().split("\\s+")));
        }
        Set<String> cluster = new TreeSet<>();
        for (Manifests.Resource topic : Manifests.ofKind(CLUSTER, "KafkaTopic")) {
            JsonNode spec = topic.node().path("spec");
            cluster.add(spec.path("topicName").asText() + " " + spec.path("partitions").asInt() + " "
                    + spec.path("config").path("retention.ms").asLong());
        }
        assertThat(compose).isEqualTo(cluster);
        assertThat(script).contains("--config retention.ms=\"$retention_ms\"").contains("--add-config retention.ms=\"$retention_ms\"");
    }

    static final List<String> NON_PUBLIC_RANGES = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
            "100.64.0.0/10", "169.254.0.0/16");

    /** The documentation ranges (RFC 5737) the shipped manifests hold until the operator fills in real addresses. */
    static final List<String> DOCUMENTATION_RANGES = List.of("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24");

    /**
     * Egress beyond the cluster is HTTPS to named hosts only, and only for who needs it: every DSR pod to the identity
     * provider's JWKS (each validates tokens), GOV.UK's bank holidays for the modules whose ConfigMap switches the
     * refresh on (referral-service, meeting-service), through one policy selecting exactly those, and GOV.UK Notify for
     * referral-service alone (its notifier). Never "anywhere on 443": each address block is narrow (a /16 or smaller), public
     * (not the cluster, a private network or cloud metadata), and shipped as a documentation address the operator
     * replaces, so an unfilled policy fails closed.
     */
    @Test
    void egressBeyondTheClusterIsHttpsToTheNamedHostsOnlyForWhoNeedsIt() {
        Set<String> policiesWithAddressBlocks = new TreeSet<>();
        for (Manifests.Resource policy : Manifests.ofKind(CLUSTER, "NetworkPolicy")) {
            for (JsonNode egress : policy.node().path("spec").path("egress")) {
                for (JsonNode ipBlock : egress.path("to").findValues("ipBlock")) {
                    policiesWithAddressBlocks.add(policy.name());
                    String cidr = ipBlock.path("cidr").asText();
                    assertThat(prefixLength(cidr)).as(policy + ": " + cidr + " is a named host's range, not anywhere")
                            .isGreaterThanOrEqualTo(16);
                    for (String nonPublic : NON_PUBLIC_RANGES) {
                        assertThat(overlap(cidr, nonPublic)).as(policy + ": " + cidr + " overlaps " + nonPublic).isFalse();
                    }
                    assertThat(DOCUMENTATION_RANGES.stream().anyMatch(range -> overlap(cidr, range)))
                            .as(policy + ": ships a documentation address for the operator to replace").isTrue();
                    assertThat(egress.path("ports")).as(policy + " ports").hasSize(1);
                    assertThat(egress.path("ports").get(0).path("port").asInt()).as(policy.toString()).isEqualTo(443);
                    assertThat(egress.path("ports").get(0).path("protocol").asText()).isEqualTo("TCP");
                }
            }
        }
        assertThat(policiesWithAddressBlocks).containsExactlyInAnyOrder("dsr-apps-allow-identity-provider",
                "dsr-apps-allow-gov-uk-bank-holidays", "referral-service-allow-gov-uk-notify");
        assertThat(Manifests.find(CLUSTER, "NetworkPolicy", "dsr-apps-allow-identity-provider").orElseThrow().node()
                .path("spec").path("podSelector").path("matchLabels").path("group").asText()).isEqualTo("org.opendsr");

        List<String> refreshingBankHolidays = deployedModules().stream().filter(module -> {
            JsonNode data = Manifests.find(Manifests.read(Repository.generatedManifest(module)), "ConfigMap", module)
                    .orElseThrow().node().path("data");
            return data.path("DSR_BANK_HOLIDAYS_REFRESH_ENABLED").asText().equals("true");
        }).toList();
        assertThat(refreshingBankHolidays).containsExactlyInAnyOrder("referral-service", "meeting-service");
        JsonNode bankHolidays = Manifests.find(CLUSTER, "NetworkPolicy", "dsr-apps-allow-gov-uk-bank-holidays")
                .orElseThrow().node().path("spec").path("podSelector");
        // Exactly the refreshing modules, by their app label: no other pod may reach GOV.UK's addresses.
        assertThat(bankHolidays.path("matchLabels").isMissingNode() || bankHolidays.path("matchLabels").isEmpty())
                .isTrue();
        assertThat(bankHolidays.path("matchExpressions")).hasSize(1);
        JsonNode selector = bankHolidays.path("matchExpressions").get(0);
        assertThat(selector.path("key").asText()).isEqualTo("app");
        assertThat(selector.path("operator").asText()).isEqualTo("In");
        List<String> selected = new ArrayList<>();
        selector.path("values").forEach(value -> selected.add(value.asText()));
        assertThat(selected).containsExactlyInAnyOrderElementsOf(refreshingBankHolidays);

        // GOV.UK Notify: only the module whose ConfigMap sends through it (contact details live nowhere else).
        List<String> sendingThroughNotify = deployedModules().stream().filter(module -> Manifests.find(
                Manifests.read(Repository.generatedManifest(module)), "ConfigMap", module).orElseThrow().node()
                .path("data").path("DSR_NOTIFICATIONS_SENDER").asText().equals("notify")).toList();
        assertThat(sendingThroughNotify).containsExactly("referral-service");
        JsonNode notify = Manifests.find(CLUSTER, "NetworkPolicy", "referral-service-allow-gov-uk-notify")
                .orElseThrow().node().path("spec").path("podSelector");
        assertThat(notify.path("matchLabels").path("app").asText()).isEqualTo("referral-service");
        assertThat(notify.path("matchLabels").size()).isEqualTo(1);
    }

    private static int prefixLength(String cidr) {
        return Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
    }

    /** Whether two IPv4 ranges share an address. */
    static boolean overlap(String a, String b) {
        int shorter = Math.min(prefixLength(a), prefixLength(b));
        long mask = shorter == 0 ? 0 : (0xFFFFFFFFL << (32 - shorter)) & 0xFFFFFFFFL;
        return (address(a) & mask) == (address(b) & mask);
    }

    private static long address(String cidr) {
        String[] octets = cidr.substring(0, cidr.indexOf('/')).split("\\.");
        long address = 0;
        for (String octet : octets) {
            address = (address << 8) | Integer.parseInt(octet);
        }
        return address;
    }

    private static Set<String> topicNames() {
        return Manifests.ofKind(CLUSTER, "KafkaTopic").stream()
                .map(topic -> topic.node().path("spec").path("topicName").asText())
                .collect(Collectors.toSet());
    }

    private static JsonNode cluster() {
        return Manifests.find(CLUSTER, "Cluster", "dsr-postgres").orElseThrow().node();
    }

    private static JsonNode configMap(String module) {
        return Manifests.find(Manifests.read(Repository.generatedManifest(module)), "ConfigMap", module).orElseThrow().node();
    }

    /** "secret/key" an environment variable of the module's container comes from. */
    private static String secretRef(String module, String variable) {
        EnvVar env = GeneratedManifestsTest.deployment(module).getSpec().getTemplate().getSpec().getContainers().get(0)
                .getEnv().stream().filter(e -> e.getName().equals(variable)).findFirst()
                .orElseThrow(() -> new AssertionError(module + " does not set " + variable));
        return env.getValueFrom().getSecretKeyRef().getName() + "/" + env.getValueFrom().getSecretKeyRef().getKey();
    }
}
