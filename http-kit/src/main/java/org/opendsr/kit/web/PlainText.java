package org.opendsr.kit.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

/**
 * The one rule for text in every JSON document a DSR process reads (request bodies and, through the same mapper,
 * events): no control characters. A NUL cannot be stored by PostgreSQL at all (SQLState 22021, a 500), and the
 * others are never typed by a person: they come from broken encodings or from someone probing, and they corrupt
 * the exports, letters and screens the text later reaches. Refused while the JSON is read, so the 400 names the
 * field (e.g. {@code contacts[0].relationship}) and nothing downstream ever sees such a string.
 *
 * <p>Allowed: tab, line feed and carriage return, because a reason for referral is written in paragraphs.
 * Refused: the other C0 controls (U+0000-U+001F), DEL (U+007F) and the C1 controls (U+0080-U+009F), which is
 * exactly {@link Character#isISOControl}: DEL and C1 are as invisible as C0 and in practice only appear when
 * Windows-1252 text was decoded as Latin-1, so accepting them would store mojibake that nobody can see; and an
 * unpaired surrogate (a {@code \ud800} escape), which is not text in any encoding and cannot be written as UTF-8.
 * A service may narrow text further (one line only, no contact details) with its own rules.
 *
 * <p>Serde reads a {@code List<String>} with its own deserializer, which does not go through this one, so
 * {@link PlainTextList} applies the same rule there. Text read as an untyped value ({@code Object}, {@code Map},
 * a JSON tree) is not checked: no request or event of the DSR is read that way.
 */
@Singleton
@Primary
public class PlainText implements Deserializer<String> {

    /** The reason the caller sees against the field. */
    public static final String REFUSAL = "must not contain control characters (only tab and line breaks are allowed)";

    @Override
    public String deserialize(Decoder decoder, DecoderContext context, Argument<? super String> type)
            throws IOException {
        String text = decoder.decodeString();
        if (!isPlain(text)) {
            // The decoder's own exception carries the path of the field; the message never quotes the value.
            throw decoder.createDeserializationException(REFUSAL, null);
        }
        return text;
    }

    @Override
    public String deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super String> type)
            throws IOException {
        if (decoder.decodeNull()) {
            return null;
        }
        return deserialize(decoder, context, type);
    }

    /** True when the text has no character this rule refuses; null counts as plain (absence is another rule's). */
    public static boolean isPlain(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                if (c != '\t' && c != '\n' && c != '\r') {
                    return false;
                }
            } else if (c >= 0x7F && c <= 0x9F) {
                return false;
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            }
        }
        return true;
    }

    /** The same rule for a list of texts; a refused element is named by its index, e.g. {@code tags[1]}. */
    @Singleton
    @Primary
    public static class PlainTextList implements Deserializer<List<String>> {

        @Override
        public List<String> deserialize(Decoder decoder, DecoderContext context, Argument<? super List<String>> type)
                throws IOException {
            List<String> texts = new ArrayList<>();
            Decoder array = decoder.decodeArray();
            while (array.hasNextArrayValue()) {
                String text = array.decodeStringNullable();
                if (!isPlain(text)) {
                    throw array.createDeserializationException(REFUSAL, null);
                }
                texts.add(text);
            }
            array.finishStructure();
            return texts;
        }

        @Override
        public List<String> deserializeNullable(Decoder decoder, DecoderContext context,
                                                Argument<? super List<String>> type) throws IOException {
            if (decoder.decodeNull()) {
                return null;
            }
            return deserialize(decoder, context, type);
        }
    }
}
