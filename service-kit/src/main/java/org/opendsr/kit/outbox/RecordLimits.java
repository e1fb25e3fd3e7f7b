package org.opendsr.kit.outbox;

import java.util.Optional;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.internals.Topic;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;

/**
 * Finds, before sending, a record the producer or broker would refuse for what it is, so that its row is parked
 * without a send: an invalid topic name, or a record larger than the producer's {@code max.request.size}. The size
 * is the producer's own upper-bound estimate (uncompressed, as the producer checks it), so a record passed here is
 * one the producer accepts too. A limit the broker sets lower (a topic's {@code max.message.bytes}) is still found
 * on the acknowledgement, and parked then.
 */
final class RecordLimits {

    private final int maxRecordBytes;

    /** @param maxRecordBytes the producer's {@code max.request.size}; 0 or less checks no size */
    RecordLimits(int maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
    }

    /** Why the record can never be sent ({@link PermanentRefusal}'s words), or empty. */
    Optional<String> refusal(ProducerRecord<String, byte[]> record) {
        try {
            Topic.validate(record.topic());
        } catch (InvalidTopicException e) {
            return PermanentRefusal.reasonFor(e);
        }
        if (maxRecordBytes > 0) {
            int size = AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE,
                    CompressionType.NONE, utf8(record.key()), record.value(), record.headers().toArray());
            if (size > maxRecordBytes) {
                return PermanentRefusal.reasonFor(new RecordTooLargeException(
                        "record of " + size + " bytes, limit " + maxRecordBytes));
            }
        }
        return Optional.empty();
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
