package org.opendsr.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.kit.ports.Locks;

/** Advisory locks on the real database: held to the end of the holder's transaction, refused outside one. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresAdvisoryLocksTest implements TestPropertyProvider {

    @Inject
    Locks locks;

    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        return KitTestContext.properties(false);
    }

    @Test
    void aLockIsHeldUntilTheHoldersTransactionEndsThenAnotherGetsIt() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> transactions.executeWrite(status -> {
            locks.lock("person:one");
            held.countDown();
            await(release);
            return null;
        }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(tryInANewTransaction("person:one")).isFalse();
        assertThat(tryInANewTransaction("person:two")).isTrue();

        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        assertThat(tryInANewTransaction("person:one")).isTrue();
        // lock() waits rather than failing; here nobody holds it.
        transactions.executeWrite(status -> {
            locks.lock("person:one");
            return null;
        });
    }

    @Test
    void outsideATransactionALockWouldProtectNothingSoItIsRefused() {
        assertThatThrownBy(() -> locks.lock("job")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");
        assertThatThrownBy(() -> locks.tryLock("job")).isInstanceOf(IllegalStateException.class);
    }

    private boolean tryInANewTransaction(String name) {
        Boolean got = transactions.executeWrite(status -> locks.tryLock(name));
        return got;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
