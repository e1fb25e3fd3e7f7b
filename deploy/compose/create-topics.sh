#!/bin/bash
# Creates every DSR topic and its dead-letter topic on the compose broker (auto-creation is off, as on the cluster),
# with the partitions and retention of deploy/k8s/11-kafka-topics.yaml (deploy-checks compares the two); one broker,
# so replication factor 1. A topic that already exists (a volume from an earlier run) gets the retention set too.
# Agencies: one inbound topic (and .dlt) per registered agency (DSR_REFERRAL_AGENCIES); the demo agency here. Compose
# runs Kafka without authentication, so it shows the topics, not the per-agency ACLs of deploy/k8s.
set -euo pipefail
bootstrap="${KAFKA_BOOTSTRAP:-kafka:9092}"
# topic                     partitions  retention.ms
while read -r topic partitions retention_ms; do
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --create --if-not-exists \
    --topic "$topic" --partitions "$partitions" --replication-factor 1 \
    --config cleanup.policy=delete --config retention.ms="$retention_ms"
  /opt/kafka/bin/kafka-configs.sh --bootstrap-server "$bootstrap" --alter --entity-type topics \
    --entity-name "$topic" --add-config retention.ms="$retention_ms"
done <<'TOPICS'
dsr.referral.events         6           34560000000
dsr.consent.events          6           34560000000
dsr.risk.events             6           34560000000
dsr.meeting.events          6           34560000000
dsr.reporting.events        6           34560000000
dsr.agency.inbound.wiltshire-council 6  604800000
dsr.gateway.access          6           2592000000
dsr.referral.events.dlt     1           2592000000
dsr.consent.events.dlt      1           2592000000
dsr.risk.events.dlt         1           2592000000
dsr.meeting.events.dlt      1           2592000000
dsr.reporting.events.dlt    1           2592000000
dsr.agency.inbound.wiltshire-council.dlt 1 604800000
dsr.gateway.access.dlt      1           2592000000
TOPICS
