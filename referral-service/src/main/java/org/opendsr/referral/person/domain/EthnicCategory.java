package org.opendsr.referral.person.domain;

import java.util.Arrays;
import java.util.Optional;

/** NHS Data Dictionary ETHNIC CATEGORY: codes A to S (no I, O or Q), Z not stated, 99 not known. */
public enum EthnicCategory {
    A("A", "White - British"),
    B("B", "White - Irish"),
    C("C", "White - Any other White background"),
    D("D", "Mixed - White and Black Caribbean"),
    E("E", "Mixed - White and Black African"),
    F("F", "Mixed - White and Asian"),
    G("G", "Mixed - Any other mixed background"),
    H("H", "Asian or Asian British - Indian"),
    J("J", "Asian or Asian British - Pakistani"),
    K("K", "Asian or Asian British - Bangladeshi"),
    L("L", "Asian or Asian British - Any other Asian background"),
    M("M", "Black or Black British - Caribbean"),
    N("N", "Black or Black British - African"),
    P("P", "Black or Black British - Any other Black background"),
    R("R", "Other Ethnic Groups - Chinese"),
    S("S", "Other Ethnic Groups - Any other ethnic group"),
    Z("Z", "Not stated"),
    NOT_KNOWN("99", "Not known");

    public static final String CODES = "A-H, J-N, P, R, S, Z (not stated) or 99 (not known)";

    private final String code;
    private final String description;

    EthnicCategory(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public static Optional<EthnicCategory> ofCode(String code) {
        return Arrays.stream(values()).filter(category -> category.code.equals(code)).findFirst();
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** The category as events name it (the same name; 99 is NOT_KNOWN on both). */
    public org.opendsr.contracts.common.EthnicCategory onEvents() {
        return org.opendsr.contracts.common.EthnicCategory.valueOf(name());
    }
}
