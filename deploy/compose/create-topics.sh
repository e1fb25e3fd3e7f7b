#!/bin/bash
# Creates every DSR topic and its dead-letter topic on the compose broker (auto-creation is off, as on the cluster).
# Partitions as in deploy/k8s/11-kafka-topics.yaml; one broker, so replication factor 1.
set -euo pipefail
bootstrap="${KAFKA_BOOTSTRAP:-kafka:9092}"
for topic in dsr.referral.events dsr.consent.events dsr.risk.events dsr.meeting.events dsr.agency.inbound; do
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --create --if-not-exists \
    --topic "$topic" --partitions 6 --replication-factor 1
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --create --if-not-exists \
    --topic "$topic.dlt" --partitions 1 --replication-factor 1
done
