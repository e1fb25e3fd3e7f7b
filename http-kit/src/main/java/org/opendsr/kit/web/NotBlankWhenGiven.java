package org.opendsr.kit.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import org.opendsr.kit.rules.GivenOrLeftOut;

/**
 * An optional identifier or code of a request body: left out, or given with a value; never blank
 * ({@link GivenOrLeftOut}, the one rule, which agency events and use cases apply too). Checked by
 * {@link NotBlankWhenGivenValidator}, so the 400 names the field with every other bad field of the request.
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Constraint(validatedBy = {})
public @interface NotBlankWhenGiven {

    String message() default GivenOrLeftOut.REFUSAL;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
