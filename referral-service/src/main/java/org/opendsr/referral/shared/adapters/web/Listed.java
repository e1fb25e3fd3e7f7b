package org.opendsr.referral.shared.adapters.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import org.opendsr.referral.shared.application.Page;

/**
 * One page of a listing: {@code items} from {@code page} (from 0) of {@code size}, out of {@code total}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Listed<T>(int page, int size, long total, List<T> items) {

    public static <T> Listed<T> of(Page<T> page) {
        return new Listed<>(page.page(), page.size(), page.total(), page.items());
    }
}
