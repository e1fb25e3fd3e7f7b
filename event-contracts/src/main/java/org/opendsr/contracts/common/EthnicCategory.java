package org.opendsr.contracts.common;

import io.micronaut.serde.annotation.Serdeable;

/**
 * NHS Data Dictionary ETHNIC CATEGORY on events, by name: the codes A to S (no I, O or Q), Z (not stated) and
 * NOT_KNOWN (the Data Dictionary's code 99, which is not a Java name). referral-service records the code; its own
 * {@code EthnicCategory} has these names, with each code's description. Reporting counts people by it.
 */
@Serdeable
public enum EthnicCategory {
    A, B, C, D, E, F, G, H, J, K, L, M, N, P, R, S, Z, NOT_KNOWN
}
