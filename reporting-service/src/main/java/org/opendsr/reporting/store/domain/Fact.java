package org.opendsr.reporting.store.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of {@code reporting_fact}: a thing that happened that a measure counts (see V2 for every column). Only
 * codes and days: no identifier but keyed pseudonyms.
 *
 * @param pseudonym    whose (null only for {@link FactKind#ADMISSION_NOT_ON_REGISTER})
 * @param arrivedMonth first day of the month it reached the DSR ({@link ArrivedMonth})
 */
public record Fact(Pseudonym pseudonym, FactKind kind, LocalDate occurredOn, LocalDate arrivedMonth, String code,
                   String detail, LocalDate dueOn, Boolean onTime, Pseudonym recordKey, String locality,
                   String ageBand, String lifeStage) {

    public Fact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredOn, "occurredOn");
        Objects.requireNonNull(arrivedMonth, "arrivedMonth");
        if (pseudonym == null && kind != FactKind.ADMISSION_NOT_ON_REGISTER) {
            throw new IllegalArgumentException(kind + " needs a pseudonym");
        }
        if (arrivedMonth.getDayOfMonth() != 1) {
            throw new IllegalArgumentException("arrivedMonth is the first day of a month");
        }
        StoreCodes.code("code", code);
        StoreCodes.code("detail", detail);
        StoreCodes.locality("locality", locality);
    }

    /** A fact of a person with only the columns most kinds use; the others via the with-methods. */
    public static Fact of(Pseudonym pseudonym, FactKind kind, LocalDate occurredOn, LocalDate arrivedMonth) {
        return new Fact(pseudonym, kind, occurredOn, arrivedMonth, null, null, null, null, null, null, null, null);
    }

    /** The same fact of another pseudonym (a merged record's, written under the one it was merged into). */
    public Fact under(Pseudonym person) {
        return new Fact(person, kind, occurredOn, arrivedMonth, code, detail, dueOn, onTime, recordKey, locality,
                ageBand, lifeStage);
    }

    public Fact withCode(String value) {
        return new Fact(pseudonym, kind, occurredOn, arrivedMonth, value, detail, dueOn, onTime, recordKey, locality,
                ageBand, lifeStage);
    }

    public Fact withDetail(String value) {
        return new Fact(pseudonym, kind, occurredOn, arrivedMonth, code, value, dueOn, onTime, recordKey, locality,
                ageBand, lifeStage);
    }

    public Fact withDueOn(LocalDate value) {
        return new Fact(pseudonym, kind, occurredOn, arrivedMonth, code, detail, value, onTime, recordKey, locality,
                ageBand, lifeStage);
    }

    public Fact withOnTime(Boolean value) {
        return new Fact(pseudonym, kind, occurredOn, arrivedMonth, code, detail, dueOn, value, recordKey, locality,
                ageBand, lifeStage);
    }

    public Fact withRecordKey(Pseudonym value) {
        return new Fact(pseudonym, kind, occurredOn, arrivedMonth, code, detail, dueOn, onTime, value, locality,
                ageBand, lifeStage);
    }

    public Fact withLocality(String value) {
        return new Fact(pseudonym, kind, occurredOn, arrivedMonth, code, detail, dueOn, onTime, recordKey, value,
                ageBand, lifeStage);
    }

    public Fact withAge(String band, String stage) {
        return new Fact(pseudonym, kind, occurredOn, arrivedMonth, code, detail, dueOn, onTime, recordKey, locality,
                band, stage);
    }
}
