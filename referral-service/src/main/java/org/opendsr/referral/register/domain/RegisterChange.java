package org.opendsr.referral.register.domain;

import java.util.UUID;

import org.opendsr.contracts.referral.ResponsibilityChange;

/** What happened to a register entry, with the entry as it is after the change; saved as one. */
public sealed interface RegisterChange {

    RegisterEntry entry();

    default UUID personId() {
        return entry().personId();
    }

    /** On the register from the acceptance of a referral. */
    record Opened(RegisterEntry entry) implements RegisterChange {
    }

    /** Off the register, by whom (a user, or the service following consent) and with notes for the record. */
    record Removed(RegisterEntry entry, String removedBy, String notes) implements RegisterChange {

        /** The notes are free text about a person: never printed. */
        @Override
        public String toString() {
            return "Removed[entry=" + entry.id() + ", reason=" + entry.removalReason() + ", notes redacted]";
        }
    }

    /** A responsible professional was allocated, discharged the person, or left. */
    record ResponsibilityChanged(RegisterEntry entry, ResponsibilityChange change) implements RegisterChange {
    }
}
