package org.opendsr.referral.adapters.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** The people known to the DSR. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface People extends CrudRepository<PersonRow, UUID> {

    Optional<PersonRow> findByNhsNumber(String nhsNumber);

    List<PersonRow> findByDateOfBirth(LocalDate dateOfBirth);

    @Query("UPDATE person SET given_name = :givenName, family_name = :familyName, date_of_birth = :dateOfBirth,"
            + " nhs_number = :nhsNumber, updated_at = :updatedAt WHERE id = :id")
    void updateIdentity(UUID id, String givenName, String familyName, @Nullable LocalDate dateOfBirth,
                        @Nullable String nhsNumber, Instant updatedAt);

    @Query("UPDATE person SET address_line1 = :line1, address_line2 = :line2, town = :town, postcode = :postcode,"
            + " locality = :locality, updated_at = :updatedAt WHERE id = :id")
    void updateAddress(UUID id, @Nullable String line1, @Nullable String line2, @Nullable String town, String postcode,
                       @Nullable String locality, Instant updatedAt);

    @Query("UPDATE person SET ethnic_category = :ethnicCategory, gender_identity = :genderIdentity,"
            + " updated_at = :updatedAt WHERE id = :id")
    void updateDemographics(UUID id, @Nullable String ethnicCategory, @Nullable String genderIdentity, Instant updatedAt);

    @Query("UPDATE person SET diagnosis = :diagnosis, updated_at = :updatedAt WHERE id = :id")
    void updateDiagnosis(UUID id, @Nullable String diagnosis, Instant updatedAt);

    @Query("UPDATE person SET updated_at = :updatedAt WHERE id = :id")
    void touch(UUID id, Instant updatedAt);
}
