package org.opendsr.kit.web;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;
import org.opendsr.kit.rules.GivenOrLeftOut;

/** Applies {@link GivenOrLeftOut} to every field marked {@link NotBlankWhenGiven}. */
@Singleton
public class NotBlankWhenGivenValidator implements ConstraintValidator<NotBlankWhenGiven, CharSequence> {

    @Override
    public boolean isValid(@Nullable CharSequence value, @NonNull AnnotationValue<NotBlankWhenGiven> annotation,
                           @NonNull ConstraintValidatorContext context) {
        return !GivenOrLeftOut.isBlank(value);
    }
}
