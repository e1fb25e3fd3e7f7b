package org.opendsr.gateway.routing;

import java.util.Locale;

import io.micronaut.core.annotation.Nullable;

/**
 * A request's path exactly as the caller sent it (still percent-encoded), checked so that the gateway and the
 * service behind it cannot read it differently, then normalised. The gateway never rebuilds a target from the
 * decoded path: {@code /api/referrals/%2E%2E/people} or {@code %2F} would be reinterpreted as other segments or
 * another resource once decoded. So every path that could mean two things is refused (400), and the raw form is
 * what is routed and forwarded:
 * <ul>
 * <li>{@code .} or {@code ..} segments, raw or encoded ({@code %2E}), and empty segments ({@code //});</li>
 * <li>encoded delimiters and escapes: {@code %2F} (/), {@code %5C} (\), {@code %3F} (?), {@code %23} (#),
 *     {@code %25} (% itself: double encoding);</li>
 * <li>control characters raw or encoded ({@code %00}-{@code %1F}, {@code %7F}), encoded bytes outside ASCII
 *     (overlong UTF-8 dots and the like: the DSR's paths are ids and ASCII words), a raw backslash or any character
 *     a path may not carry unencoded (RFC 3986), and invalid percent-encoding ({@code %zz}, a lone {@code %}).</li>
 * </ul>
 * Normalising leaves the meaning alone: an encoded letter, digit, {@code -}, {@code _} or {@code ~} is decoded (RFC
 * 3986 6.2.2.2) and the hex digits of the remaining encodings are upper case.
 */
public final class RawPath {

    private final String normalised;

    private RawPath(String normalised) {
        this.normalised = normalised;
    }

    /** The path, normalised, or {@link Ambiguous} saying why it is refused. */
    public static RawPath of(@Nullable String raw) {
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '/') {
            throw new Ambiguous("must start with /");
        }
        StringBuilder normalised = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    throw new Ambiguous("has invalid percent-encoding");
                }
                int decoded = hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2));
                refuseEncoded(decoded);
                if (unreserved(decoded)) {
                    normalised.append((char) decoded);
                } else {
                    normalised.append('%').append(raw.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
                }
                i += 2;
            } else if (c == '\\') {
                throw new Ambiguous("contains a backslash");
            } else if (c < 0x20 || c == 0x7f) {
                throw new Ambiguous("contains a control character");
            } else if (!allowedRaw(c)) {
                throw new Ambiguous("contains a character that must be percent-encoded");
            } else {
                normalised.append(c);
            }
        }
        String path = normalised.toString();
        if (path.contains("//")) {
            throw new Ambiguous("contains an empty segment (//)");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new Ambiguous("contains a . or .. segment");
            }
        }
        return new RawPath(path);
    }

    /** Still percent-encoded, normalised: what is routed and forwarded. */
    public String value() {
        return normalised;
    }

    @Override
    public String toString() {
        return normalised;
    }

    private static void refuseEncoded(int decoded) {
        switch (decoded) {
            case '/' -> throw new Ambiguous("contains an encoded / (%2F)");
            case '\\' -> throw new Ambiguous("contains an encoded backslash (%5C)");
            case '.' -> throw new Ambiguous("contains an encoded dot (%2E)");
            case '?' -> throw new Ambiguous("contains an encoded ? (%3F)");
            case '#' -> throw new Ambiguous("contains an encoded # (%23)");
            case '%' -> throw new Ambiguous("contains an encoded % (%25, double encoding)");
            default -> {
                if (decoded < 0x20 || decoded == 0x7f) {
                    throw new Ambiguous("contains an encoded control character");
                }
                if (decoded > 0x7f) {
                    throw new Ambiguous("contains an encoded byte outside ASCII");
                }
            }
        }
    }

    private static boolean unreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                || c == '~';
    }

    /** pchar (RFC 3986) and "/": unreserved, sub-delims, ":" and "@". */
    private static boolean allowedRaw(char c) {
        return unreserved(c) || c == '.' || c == '/' || c == ':' || c == '@' || "!$&'()*+,;=".indexOf(c) >= 0;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** The path could be read in more than one way (or not at all); the message says why, never quoting it. */
    public static final class Ambiguous extends IllegalArgumentException {
        Ambiguous(String reason) {
            super("The path " + reason);
        }
    }
}
