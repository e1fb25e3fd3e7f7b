package org.opendsr.referral.audit.application;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opendsr.kit.audit.AuditOutcome;

/**
 * The gateway's access records (one per API call, refused ones included) copied into the audit trail, so a lead
 * sees them in a person's and a user's audit beside referral-service's own entries. Each is written once by its
 * record's id: the gateway publishes at least once and the topic may deliver a record again.
 */
@Singleton
public class RecordingGatewayAccess {

    /** The action of a copied access record: what the gateway saw, whichever service answered. */
    public static final String ACTION = "API_CALL";
    /**
     * The gateway does not learn why a caller called; the service's own entry for the same call (same correlation
     * id) carries the purpose.
     */
    static final String PURPOSE = "NOT_STATED";

    private final AuditTrail trail;

    public RecordingGatewayAccess(AuditTrail trail) {
        this.trail = trail;
    }

    /** One API call as the gateway recorded it. */
    public record ApiCall(String recordId, String subject, List<String> roles, String method, String path,
                          @Nullable UUID personId, int status, Instant at, @Nullable String correlationId) {
    }

    /** True if written now, false if this record was already on the trail. */
    public boolean recorded(ApiCall call) {
        return trail.recordOnce(call.recordId(), call.personId(), call.at(), call.subject(),
                String.join(",", new TreeSet<>(call.roles())), ACTION,
                call.method() + " " + call.path() + " -> " + call.status(), PURPOSE, outcomeOf(call.status()),
                call.correlationId());
    }

    /** 2xx/3xx done; 401/403/429 refused; 404 nothing found (or hidden); anything else failed. */
    static AuditOutcome outcomeOf(int status) {
        if (status >= 200 && status < 400) {
            return AuditOutcome.ALLOWED;
        }
        return switch (status) {
            case 401, 403, 429 -> AuditOutcome.REFUSED;
            case 404 -> AuditOutcome.NOT_FOUND;
            default -> AuditOutcome.FAILED;
        };
    }
}
