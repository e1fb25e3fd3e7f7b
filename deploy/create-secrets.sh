#!/usr/bin/env bash
# Creates the DSR's secrets in namespace dsr, each only if it does not exist yet (re-running never rotates a password):
#   <db>-db-credentials            kubernetes.io/basic-auth, username + random password per service database role;
#                                  CloudNativePG sets the role's password from it, the service logs in with it
#   reporting-pseudonymisation-key the HMAC key behind reporting pseudonyms (random, 32 bytes, base64)
# Kafka credentials are not made here: Strimzi's User Operator creates one Secret per KafkaUser.
# The ingress TLS certificate (dsr-gateway-tls) comes from cert-manager or your certificate authority.
#
# Usage: deploy/create-secrets.sh            (uses kubectl's current context)
#        DRY_RUN=1 deploy/create-secrets.sh  (prints the Secrets as YAML instead of creating them)
set -euo pipefail

NAMESPACE="${NAMESPACE:-dsr}"
DRY_RUN="${DRY_RUN:-}"

random_secret() {
  # 32 random bytes, base64 without characters that need quoting in a JDBC URL or a shell
  head -c 32 /dev/urandom | base64 | tr -d '\n/+=' | cut -c1-40
}

exists() {
  [ -z "$DRY_RUN" ] && kubectl -n "$NAMESPACE" get secret "$1" >/dev/null 2>&1
}

create() {
  local name="$1"; shift
  if exists "$name"; then
    echo "secret/$name exists, left as it is" >&2
    return
  fi
  if [ -n "$DRY_RUN" ]; then
    echo "---"
    kubectl -n "$NAMESPACE" create secret "$@" --dry-run=client -o yaml
  else
    kubectl -n "$NAMESPACE" create secret "$@"
    kubectl -n "$NAMESPACE" label secret "$name" cnpg.io/reload=true app.kubernetes.io/part-of=dsr-platform >/dev/null
  fi
}

for db in referral consent risk meeting reporting; do
  create "$db-db-credentials" generic "$db-db-credentials" --type=kubernetes.io/basic-auth \
    --from-literal=username="$db" --from-literal=password="$(random_secret)"
done

create reporting-pseudonymisation-key generic reporting-pseudonymisation-key \
  --from-literal=key="$(head -c 32 /dev/urandom | base64)"
