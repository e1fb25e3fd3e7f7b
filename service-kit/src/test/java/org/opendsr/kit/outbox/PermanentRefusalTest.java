package org.opendsr.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.CorruptRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

/** Only what the record itself makes impossible parks a row; every outage keeps being retried. */
class PermanentRefusalTest {

    @Test
    void aRecordTooLargeNotSerialisableOrForAnInvalidTopicCanNeverBePublished() {
        assertThat(PermanentRefusal.reasonFor(new ExecutionException(new RecordTooLargeException("too big"))))
                .contains("RecordTooLargeException");
        assertThat(PermanentRefusal.reasonFor(new SerializationException("bad bytes"))).contains("SerializationException");
        assertThat(PermanentRefusal.reasonFor(new KafkaException(new InvalidTopicException("bad name"))))
                .contains("InvalidTopicException");
    }

    @Test
    void anOutageAMissingTopicOrAMissingPermissionIsRetriedNotParked() {
        assertThat(PermanentRefusal.reasonFor(new TimeoutException("no metadata"))).isEmpty();
        assertThat(PermanentRefusal.reasonFor(new NotEnoughReplicasException("one replica left"))).isEmpty();
        assertThat(PermanentRefusal.reasonFor(new UnknownTopicOrPartitionException("not created yet"))).isEmpty();
        assertThat(PermanentRefusal.reasonFor(new TopicAuthorizationException("no ACL"))).isEmpty();
        assertThat(PermanentRefusal.reasonFor(new CorruptRecordException("bit flip on the wire"))).isEmpty();
        assertThat(PermanentRefusal.reasonFor(new IllegalStateException("anything else"))).isEmpty();
    }
}
