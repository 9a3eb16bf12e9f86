package io.github.assistantsplatform.query.deadletter;

import io.github.assistantsplatform.query.readmodel.AssistantProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The read model projection's dead-letter queue (Axon's sequenced DLQ, in the event store database). */
@Service
public class DeadLetters {

    private final EventProcessingConfiguration processing;

    DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public List<List<DeadLetterView>> sequences() {
        List<List<DeadLetterView>> sequences = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue().deadLetters()) {
            List<DeadLetterView> letters = new ArrayList<>();
            sequence.forEach(letter -> letters.add(view(letter)));
            sequences.add(letters);
        }
        return sequences;
    }

    /**
     * Retries the sequence that holds the event {@code id}, from its first letter, in order.
     *
     * @return empty if no sequence holds it; else whether the whole sequence was now handled
     */
    public Optional<Boolean> retry(String id) {
        Optional<String> head = sequences().stream()
                .filter(letters ->
                        letters.stream().anyMatch(letter -> letter.id().equals(id)))
                .map(letters -> letters.get(0).id())
                .findFirst();
        return head.map(first ->
                processor().process(letter -> letter.message().getIdentifier().equals(first)));
    }

    private static DeadLetterView view(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> event ? event : null;
        return new DeadLetterView(
                message.getIdentifier(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(),
                message.getPayloadType().getSimpleName(),
                letter.cause().map(cause -> cause.type()).orElse(null),
                letter.cause().map(cause -> cause.message()).orElse(null),
                letter.enqueuedAt(),
                letter.lastTouched());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue() {
        return processing
                .deadLetterQueue(AssistantProjection.PROCESSING_GROUP)
                .orElseThrow(() ->
                        new IllegalStateException("No dead-letter queue for " + AssistantProjection.PROCESSING_GROUP));
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor() {
        return processing
                .sequencedDeadLetterProcessor(AssistantProjection.PROCESSING_GROUP)
                .orElseThrow(() -> new IllegalStateException(
                        "No dead-letter processor for " + AssistantProjection.PROCESSING_GROUP));
    }
}
