package org.opendsr.kit.messaging;

/**
 * The database or the broker is unavailable for now. The record is not bad: the listener's error strategy
 * (see {@link DsrEventListener}) seeks back to it and retries after a delay, for as long as it takes, and
 * nothing is committed meanwhile. Only this exact class is retried that way.
 */
public final class TransientInfrastructureFailure extends RuntimeException {

    public TransientInfrastructureFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
