package org.opendsr.kit.schema;

import javax.sql.DataSource;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;

/**
 * Migrates the kit's own tables (outbox, processed events) when the service's DataSource is created, before
 * anything can use it. They live in schema {@value #SCHEMA} with their own Flyway history, so the kit's
 * migrations and each service's migrations (in {@code public}) evolve independently. First among the listeners, so
 * that a service's own migration may read the kit's tables (referral-service's V6 copies its old audit into the kit's).
 */
@Singleton
@Order(Ordered.HIGHEST_PRECEDENCE)
public class KitSchemaMigration implements BeanCreatedEventListener<DataSource> {

    public static final String SCHEMA = "dsr_kit";

    private final DataSourceResolver dataSourceResolver;

    public KitSchemaMigration(@Nullable DataSourceResolver dataSourceResolver) {
        this.dataSourceResolver = dataSourceResolver != null ? dataSourceResolver : DataSourceResolver.DEFAULT;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource dataSource = event.getBean();
        migrate(dataSourceResolver.resolve(dataSource));
        return dataSource;
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/dsr-kit")
                .table("flyway_schema_history")
                .load()
                .migrate();
    }
}
