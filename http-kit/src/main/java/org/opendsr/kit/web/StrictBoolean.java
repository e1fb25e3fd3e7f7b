package org.opendsr.kit.web;

import java.io.IOException;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

/**
 * JSON {@code true} or {@code false} and nothing else. The default reading of a boolean takes any text, so "perhaps"
 * would be recorded as false: a criterion or a parental-responsibility flag must be said, not guessed. Put it on a
 * request field with {@code @Serdeable.Deserializable(using = StrictBoolean.class)}; a refusal names the field.
 */
@Singleton
public class StrictBoolean implements Deserializer<Boolean> {

    @Override
    public Boolean deserialize(Decoder decoder, DecoderContext context, Argument<? super Boolean> type)
            throws IOException {
        Object value = decoder.decodeArbitrary();
        if (value instanceof Boolean answer) {
            return answer;
        }
        throw decoder.createDeserializationException("must be true or false", null);
    }
}
