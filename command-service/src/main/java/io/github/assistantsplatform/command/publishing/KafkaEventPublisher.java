package io.github.assistantsplatform.command.publishing;

import io.github.assistantsplatform.events.AssistantEvent;
import io.github.assistantsplatform.events.EventEnvelope;
import io.github.assistantsplatform.events.EventMetadata;
import io.github.assistantsplatform.model.PlatformJson;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes every assistant event to Kafka from the tracking processor "kafka-publisher". The
 * handler only turns each event into its record; the batch's records are sent in one Kafka
 * transaction, committed just before the batch's token is: at least once, in order per assistant
 * (the record key). A batch Kafka does not take whole (Kafka down) fails outside the handler and
 * its transaction is aborted, so read_committed consumers never see part of it, nor a later batch
 * before it; the processor keeps its token and sends it again with back-off. An event Kafka can
 * never take (too large) fails in the handler and is dead-lettered with the later events of its
 * assistant, so it cannot block the others.
 */
@Component
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
class KafkaEventPublisher {

    static final String PROCESSING_GROUP = "kafka-publisher";
    /** Above the largest event a 1 MiB request can cause; the topic's max.message.bytes must allow it. */
    static final int MAX_RECORD_BYTES = 4 * 1024 * 1024;

    private static final String BATCH_RECORDS = KafkaEventPublisher.class.getName() + ".records";
    /** The resource Axon's tracking processor gives each batch's unit of work: the segment it belongs to. */
    private static final String SEGMENT_ID = "Processor[" + PROCESSING_GROUP + "]/SegmentId";

    private static final JsonMapper JSON =
            PlatformJson.conventions(JsonMapper.builder()).build();

    private final SegmentProducers producers;
    private final AssistantEventsTopic eventsTopic;
    private final String topic;

    KafkaEventPublisher(SegmentProducers producers, AssistantEventsTopic eventsTopic, KafkaProperties properties) {
        this.producers = producers;
        this.eventsTopic = eventsTopic;
        this.topic = properties.topic();
    }

    @EventHandler
    void on(AssistantEvent event, DomainEventMessage<?> message) {
        byte[] value = JSON.writeValueAsBytes(envelope(event, message));
        if (value.length > MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("Event " + message.getIdentifier() + " is " + value.length
                    + " bytes, more than Kafka records may be (" + MAX_RECORD_BYTES + ")");
        }
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic, event.assistantId().toString(), value);
        record.headers().add("content-type", EventEnvelope.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        // the request's trace goes on with the record, to whoever consumes it
        for (String key : EventMetadata.TRACE_CONTEXT) {
            if (message.getMetaData().get(key) instanceof String context) {
                record.headers().add(key, context.getBytes(StandardCharsets.UTF_8));
            }
        }
        batchRecords().add(record);
    }

    static EventEnvelope envelope(AssistantEvent event, DomainEventMessage<?> message) {
        return new EventEnvelope(
                EventEnvelope.SPEC_VERSION,
                message.getIdentifier(),
                EventEnvelope.typeOf(event.getClass()),
                EventEnvelope.SOURCE,
                event.assistantId().toString(),
                message.getTimestamp(),
                "application/json",
                message.getSequenceNumber(),
                (String) message.getMetaData().get(EventMetadata.ACTOR),
                (String) message.getMetaData().get(EventMetadata.CORRELATION_ID),
                (String) message.getMetaData().get(EventMetadata.REQUEST_ID),
                event);
    }

    /** The records of the current batch, published in one transaction before the batch's token is committed. */
    private List<ProducerRecord<String, byte[]>> batchRecords() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(BATCH_RECORDS, key -> {
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
            int segment = batch.getResource(SEGMENT_ID);
            batch.onPrepareCommit(unitOfWork -> publish(segment, records));
            batch.onRollback(unitOfWork -> producers.discard(segment));
            return records;
        });
    }

    private void publish(int segment, List<ProducerRecord<String, byte[]>> records) {
        eventsTopic.ensureExists();
        try {
            Producer<String, byte[]> producer = producers.begin(segment);
            records.forEach(producer::send);
            // flushes, and fails if any send failed
            producer.commitTransaction();
        } catch (KafkaException e) {
            throw new KafkaPublishingException(e);
        }
    }

    static class KafkaPublishingException extends RuntimeException {
        KafkaPublishingException(Throwable cause) {
            super("Kafka did not take the batch; it is sent again in a new transaction", cause);
        }
    }
}
