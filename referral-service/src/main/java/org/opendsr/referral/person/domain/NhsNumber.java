package org.opendsr.referral.person.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * An NHS number: 10 digits whose last is a Modulus 11 check digit (NHS Data Dictionary). Digits 1 to 9 are
 * weighted 10 down to 2; 11 minus the weighted sum modulo 11 is the check digit, where 11 means 0 and 10 means
 * the number is invalid. Numbers from 999 000 0000 to 999 999 9999 pass the check but are never issued: they
 * are for tests and demonstrations and are accepted only where a deployment says so.
 */
public final class NhsNumber {

    private final String digits;

    private NhsNumber(String digits) {
        this.digits = digits;
    }

    /** Why a text is not an acceptable NHS number. */
    public enum Problem {
        NOT_TEN_DIGITS("must be 10 digits"),
        CHECK_DIGIT_WRONG("is not a valid NHS number (check digit)"),
        TEST_NUMBER_NOT_ACCEPTED("is in the 999 test range, which this deployment does not accept");

        private final String message;

        Problem(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** Thrown with the {@link Problem} when a text is not an acceptable NHS number. */
    public static final class InvalidNhsNumber extends IllegalArgumentException {
        private final Problem problem;

        InvalidNhsNumber(Problem problem) {
            super(problem.message());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** Reads "943 476 5919", "943-476-5919" or "9434765919". */
    public static NhsNumber parse(String text, boolean acceptTestNumbers) {
        Optional<Problem> problem = check(text, acceptTestNumbers);
        if (problem.isPresent()) {
            throw new InvalidNhsNumber(problem.get());
        }
        return new NhsNumber(normalise(text));
    }

    /** The problem with a text as an NHS number, if any. */
    public static Optional<Problem> check(String text, boolean acceptTestNumbers) {
        String digits = normalise(text);
        if (!digits.matches("\\d{10}")) {
            return Optional.of(Problem.NOT_TEN_DIGITS);
        }
        if (!checkDigitMatches(digits)) {
            return Optional.of(Problem.CHECK_DIGIT_WRONG);
        }
        if (digits.startsWith("999") && !acceptTestNumbers) {
            return Optional.of(Problem.TEST_NUMBER_NOT_ACCEPTED);
        }
        return Optional.empty();
    }

    static boolean checkDigitMatches(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += Character.digit(tenDigits.charAt(i), 10) * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == Character.digit(tenDigits.charAt(9), 10);
    }

    private static String normalise(String text) {
        return text == null ? "" : text.replace(" ", "").replace("-", "");
    }

    public String digits() {
        return digits;
    }

    /** As people write it: 943 476 5919. */
    public String formatted() {
        return digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NhsNumber that && digits.equals(that.digits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digits);
    }

    /** Never the number itself: an NHS number must not reach a log line by accident. */
    @Override
    public String toString() {
        return "NhsNumber[redacted]";
    }
}
