package org.opendsr.kit.testapp;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.referral.ReferralReceived;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.web.RequestRefused;

/** An API written as a service writes one, to test the kit's error handling and correlation ids. */
@Controller("/kit-test")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class TestReferralController {

    private final TestReferrals referrals;

    public TestReferralController(TestReferrals referrals) {
        this.referrals = referrals;
    }

    @Serdeable
    public record Contact(@NotBlank String relationship, @Nullable @Email String email, @Nullable RagRating concern) {
    }

    @Serdeable
    public record TestReferralRequest(@NotNull UUID personId,
                                      @NotBlank @Pattern(regexp = "[A-Z]{2,20}", message = "must be a locality code") String locality,
                                      @NotNull RagRating indicativeRag,
                                      @NotNull LocalDate referredOn,
                                      @Nullable List<@Valid Contact> contacts,
                                      @Nullable String note,
                                      @Nullable List<String> tags) {
    }

    @Post("/referrals")
    HttpResponse<ReferralReceived> create(@Valid @Body TestReferralRequest request) {
        if (request.locality().equals("CONFLICT")) {
            throw RequestRefused.conflict("test-conflict", "Refused by the test", "the test refuses this locality");
        }
        return HttpResponse.status(HttpStatus.CREATED).body(referrals.receive(request.personId(), request.locality()));
    }

    @Get("/pages")
    int page(@QueryValue @Min(1) @Max(100) int page) {
        return page;
    }

    /** Broken rules of each kind, thrown as domain code throws them. */
    @Get("/rules/{kind}")
    String ruleBroken(String kind) {
        throw switch (kind) {
            case "invalid" -> RuleBroken.invalid("locality", "must be a locality code");
            case "not-found" -> RuleBroken.notFound("Referral");
            case "conflict" -> RuleBroken.conflict("test-conflict", "Refused by the test", "the test refuses this");
            case "conflict-on-field" -> RuleBroken.conflict("test-conflict", "Refused by the test", "referredOn",
                    "the test refuses this date");
            case "forbidden" -> RuleBroken.forbidden("the test forbids this");
            default -> RuleBroken.unknownPerson();
        };
    }

    /** Purposes as a service declares them: some stated by callers, one the service's own. */
    public enum TestPurpose {
        CARE, SAFEGUARDING, AUDIT;

        boolean isStatedByCallers() {
            return this != AUDIT;
        }
    }

    @Serdeable
    public record CallerView(String userId, java.util.Set<String> roles, String email, String organisation,
                             String purpose) {
    }

    @Get("/caller")
    CallerView caller(Caller caller) {
        return new CallerView(caller.userId(), caller.roles(), caller.email(), caller.organisation(),
                caller.purpose(TestPurpose.class, TestPurpose.CARE, TestPurpose::isStatedByCallers).name());
    }

    @Get("/failure")
    String failure() {
        // As a database would word it: the message quotes the value that broke the constraint.
        throw new IllegalStateException("duplicate key: Key (nhs_number)=(9434765919) already exists");
    }
}
