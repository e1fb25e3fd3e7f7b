package org.opendsr.kit.web;

/** Problem type URIs shared by every service. */
public final class ProblemTypes {

    public static final String INVALID_REQUEST = "urn:dsr:problem:invalid-request";

    private ProblemTypes() {
    }
}
