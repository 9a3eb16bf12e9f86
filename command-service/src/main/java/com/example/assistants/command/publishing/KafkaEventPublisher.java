package com.example.assistants.command.publishing;

import com.example.assistants.api.event.AssistantEvent;
import com.example.assistants.api.event.EventEnvelope;
import com.example.assistants.api.event.EventMetadata;
import com.example.assistants.support.json.PlatformJson;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every assistant event to Kafka from the tracking processor "kafka-publisher". The
 * events of a batch are sent without waiting, then the batch's token is committed only once Kafka
 * acknowledged them all: at least once, in order per assistant (the record key). A failed
 * acknowledgement (Kafka down) fails the batch outside the handler, so the processor keeps its
 * token and retries with back-off; an event Kafka can never take (too large) fails in the
 * handler and is dead-lettered with the later events of its assistant, so it cannot block the
 * others.
 */
@Component
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
class KafkaEventPublisher {

    static final String PROCESSING_GROUP = "kafka-publisher";
    /** Above the largest event a 1 MiB request can cause; the topic's max.message.bytes must allow it. */
    static final int MAX_RECORD_BYTES = 4 * 1024 * 1024;
    private static final String PENDING_ACKS = KafkaEventPublisher.class.getName() + ".acks";
    private static final JsonMapper JSON = PlatformJson.conventions(JsonMapper.builder()).build();

    private final Producer<String, byte[]> producer;
    private final String topic;

    KafkaEventPublisher(Producer<String, byte[]> producer, KafkaProperties properties) {
        this.producer = producer;
        this.topic = properties.topic();
    }

    @EventHandler
    void on(AssistantEvent event, DomainEventMessage<?> message) {
        byte[] value = JSON.writeValueAsBytes(envelope(event, message));
        if (value.length > MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("Event " + message.getIdentifier() + " is " + value.length
                    + " bytes, more than Kafka records may be (" + MAX_RECORD_BYTES + ")");
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.assistantId().toString(), value);
        record.headers().add("content-type", EventEnvelope.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        pendingAcks().add(producer.send(record));
    }

    static EventEnvelope envelope(AssistantEvent event, DomainEventMessage<?> message) {
        return new EventEnvelope(EventEnvelope.SPEC_VERSION, message.getIdentifier(), EventEnvelope.typeOf(event.getClass()),
                EventEnvelope.SOURCE, event.assistantId().toString(), message.getTimestamp(), "application/json",
                message.getSequenceNumber(), (String) message.getMetaData().get(EventMetadata.ACTOR),
                (String) message.getMetaData().get(EventMetadata.CORRELATION_ID),
                (String) message.getMetaData().get(EventMetadata.REQUEST_ID), event);
    }

    /** The sends of the current batch; before the batch's token is committed, each must be acknowledged. */
    private static List<Future<RecordMetadata>> pendingAcks() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING_ACKS, key -> {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> awaitAll(acks));
            return acks;
        });
    }

    private static void awaitAll(List<Future<RecordMetadata>> acks) {
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            throw new KafkaPublishingException(e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaPublishingException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaPublishingException(e);
        }
    }

    static class KafkaPublishingException extends RuntimeException {
        KafkaPublishingException(Throwable cause) {
            super("Kafka did not acknowledge the batch; it will be sent again", cause);
        }
    }
}
