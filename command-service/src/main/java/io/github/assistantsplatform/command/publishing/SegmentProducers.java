package io.github.assistantsplatform.command.publishing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One transactional producer per segment of the publisher, its {@code transactional.id} named after
 * the segment. Whoever publishes a segment next (this replica after a failure, or another one after a
 * take-over) opens a producer with the same id, and Kafka then aborts whatever the previous one left
 * open and fences it: a batch that failed half-way can never become visible after a later one.
 */
class SegmentProducers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SegmentProducers.class);

    private final String transactionalIdPrefix;
    private final Function<String, Producer<String, byte[]>> factory;
    private final Map<Integer, Producer<String, byte[]>> bySegment = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final Map<Integer, KafkaClientMetrics> metricsBySegment = new ConcurrentHashMap<>();

    /**
     * @param factory  a producer with the given {@code transactional.id}, transactions not yet initialised
     * @param registry where each producer's Kafka client metrics go while it lives
     */
    SegmentProducers(
            String transactionalIdPrefix, Function<String, Producer<String, byte[]>> factory, MeterRegistry registry) {
        this.transactionalIdPrefix = transactionalIdPrefix;
        this.factory = factory;
        this.registry = registry;
    }

    String transactionalId(int segment) {
        return transactionalIdPrefix + "-segment-" + segment;
    }

    /** The segment's producer with a transaction begun; only the segment's one thread calls this. */
    Producer<String, byte[]> begin(int segment) {
        Producer<String, byte[]> producer = bySegment.get(segment);
        if (producer == null) {
            producer = factory.apply(transactionalId(segment));
            try {
                producer.initTransactions();
            } catch (RuntimeException e) {
                producer.close(Duration.ZERO);
                throw e;
            }
            bySegment.put(segment, producer);
            KafkaClientMetrics metrics = new KafkaClientMetrics(producer, Tags.of("segment", String.valueOf(segment)));
            metrics.bindTo(registry);
            metricsBySegment.put(segment, metrics);
        }
        producer.beginTransaction();
        return producer;
    }

    /**
     * Closes the segment's producer without waiting: its open transaction is aborted by the next
     * producer of the segment when it starts, and nothing it still has in flight can commit.
     */
    void discard(int segment) {
        Producer<String, byte[]> producer = bySegment.remove(segment);
        if (producer != null) {
            log.info(
                    "Publisher transaction of segment {} not committed; its producer is discarded and the batch "
                            + "is sent again in a new transaction",
                    segment);
            producer.close(Duration.ZERO);
        }
        closeMetrics(segment);
    }

    private void closeMetrics(int segment) {
        KafkaClientMetrics metrics = metricsBySegment.remove(segment);
        if (metrics != null) {
            metrics.close();
        }
    }

    @Override
    public void close() {
        bySegment.keySet().forEach(segment -> {
            bySegment.remove(segment).close(Duration.ofSeconds(5));
            closeMetrics(segment);
        });
    }
}
