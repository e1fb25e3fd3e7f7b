package org.opendsr.consent.domain;

/** How the DSR and the consent were explained to the person. */
public enum ExplanationFormat {
    STANDARD,
    EASY_READ,
    /** Anything else (e.g. a sign language interpreter, pictures): say which in a few words. */
    OTHER
}
