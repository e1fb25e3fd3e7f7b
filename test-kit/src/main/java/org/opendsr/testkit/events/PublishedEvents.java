package org.opendsr.testkit.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opendsr.testkit.TopicReader;

/** What a service really published on its topic, read with a consumer of the test's own. */
public final class PublishedEvents implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TopicReader reader;

    /** Reads a service's topic (e.g. {@code Topics.RISK_EVENTS}) from its beginning. */
    public PublishedEvents(String topic) {
        this.reader = TopicReader.fromBeginning(topic);
    }

    /** One record as published: the Kafka key, the CloudEvent and its data. */
    public record Published(ConsumerRecord<String, String> record, JsonNode cloudEvent) {

        public String type() {
            return cloudEvent.get("type").asText();
        }

        public JsonNode data() {
            return cloudEvent.get("data");
        }
    }

    /** Waits until at least {@code count} events about the person have been published; all of them, in order. */
    public List<Published> about(UUID personId, int count) {
        return reader.awaitRecords(record -> personId.toString().equals(record.key()), count).stream()
                .map(PublishedEvents::published).toList();
    }

    /** Waits for the first event of a type about the person. */
    public Published first(UUID personId, String type) {
        return published(reader.awaitRecord(record -> personId.toString().equals(record.key())
                && type.equals(published(record).type())));
    }

    /** Everything about the person after reading for a while: for proving nothing more arrives. */
    public List<Published> allAbout(UUID personId, Duration readingFor) {
        return reader.readFor(readingFor, record -> personId.toString().equals(record.key())).stream()
                .map(PublishedEvents::published).toList();
    }

    private static Published published(ConsumerRecord<String, String> record) {
        try {
            return new Published(record, JSON.readTree(record.value()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        reader.close();
    }
}
