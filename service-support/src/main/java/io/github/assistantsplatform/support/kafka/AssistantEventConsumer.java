package io.github.assistantsplatform.support.kafka;

import io.github.assistantsplatform.support.tracing.TraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Kafka consumer of assistant events on a thread of its own, started and stopped with the
 * application, and supervised: whatever ends {@link #follow} before the application stops (a
 * handler's exception, a failed or revoked commit, a broker gone for longer than
 * {@code max.poll.interval.ms}) is logged, the consumer is closed and created anew after a back-off,
 * and it resumes from the last committed offsets, so the records not committed are handled again.
 * While it cannot follow, its health (part of the service's readiness) is DOWN with the reason.
 * Subclasses say how they follow the topic ({@link #follow}); what the records mean is read once,
 * here ({@link #read}).
 */
public abstract class AssistantEventConsumer implements SmartLifecycle, HealthIndicator {

    private static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);
    private static final Duration LONGEST_BACK_OFF = Duration.ofSeconds(30);
    /** Kafka's default {@code max.poll.interval.ms}. */
    private static final int DEFAULT_MAX_POLL_INTERVAL_MS = 300_000;

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final Map<String, Object> settings;
    private final Duration stuckAfter;
    protected final String topic;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread worker;
    private volatile long lastPollNanos = System.nanoTime();
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private volatile Failure failure;
    private MeterRegistry registry;
    private TraceContext traces = TraceContext.NONE;

    /** Why the consumer is not following, since when, and how many attempts in a row failed. */
    private record Failure(String reason, Instant since, int attempts) {}

    /** @param settings consumer settings beyond the bootstrap servers and deserializers */
    protected AssistantEventConsumer(String name, String bootstrapServers, String topic, Map<String, Object> settings) {
        this.name = name;
        this.topic = topic;
        this.settings = new HashMap<>(settings);
        this.settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.settings.putIfAbsent(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // named for what it does (Kafka's default for a consumer without a group is "consumer-null-n")
        this.settings.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, name + "-" + INSTANCES.incrementAndGet());
        // the publisher writes in transactions: a batch it aborted (Kafka failed half-way) must not be read
        this.settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // a consumer that has not polled for this long has left its group: it is not following
        this.stuckAfter = Duration.ofMillis(Long.parseLong(String.valueOf(
                this.settings.getOrDefault(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, DEFAULT_MAX_POLL_INTERVAL_MS))));
    }

    /**
     * Follows the topic while {@link #following()}, polling through {@link #poll}. It may throw:
     * the consumer is then created anew and follows again from the last committed offsets.
     */
    protected abstract void follow(KafkaConsumer<String, byte[]> consumer);

    /** False once the application stops. */
    protected final boolean following() {
        return running && !Thread.currentThread().isInterrupted();
    }

    /** Polls, and records that the consumer is following. */
    protected final ConsumerRecords<String, byte[]> poll(KafkaConsumer<String, byte[]> consumer, Duration timeout) {
        ConsumerRecords<String, byte[]> records = consumer.poll(timeout);
        lastPollNanos = System.nanoTime();
        if (failure != null) {
            log.info("{} follows {} again after {} failed attempts", name, topic, failure.attempts());
            failure = null;
        }
        return records;
    }

    /** The event in a record; empty (and logged) for a record that is not one. */
    protected Optional<ReceivedEvent> read(ConsumerRecord<String, byte[]> record) {
        try {
            return ReceivedEvent.from(record.value());
        } catch (RuntimeException e) {
            log.warn(
                    "Skipping an unusable record at {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.toString());
            return Optional.empty();
        }
    }

    /** Sleeps for a back-off; an interrupt ends the consumer as a wake-up does. */
    protected static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    /** Where the consumer's Kafka client metrics go (its lag among them), tagged with its name. */
    @Autowired(required = false)
    public void setMeterRegistry(MeterRegistry registry) {
        this.registry = registry;
    }

    @Autowired(required = false)
    public void setTraceContext(TraceContext traces) {
        this.traces = traces;
    }

    /**
     * Runs the handling of {@code record} in a span that continues the trace of the request that caused the
     * event (the record's {@code traceparent}), so that the handler's log lines carry its trace id.
     */
    protected final void traced(ConsumerRecord<String, byte[]> record, Runnable handling) {
        traces.continued(
                name + " receive",
                key -> {
                    Header header = record.headers().lastHeader(key);
                    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
                },
                handling);
    }

    @Override
    public Health health() {
        Failure current = failure;
        if (!running) {
            return Health.down().withDetail("reason", name + " is stopped").build();
        }
        if (current != null) {
            return Health.down()
                    .withDetail("reason", current.reason())
                    .withDetail("since", current.since().toString())
                    .withDetail("failed_attempts", current.attempts())
                    .build();
        }
        Duration sincePoll = Duration.ofNanos(System.nanoTime() - lastPollNanos);
        if (sincePoll.compareTo(stuckAfter) > 0) {
            return Health.down()
                    .withDetail(
                            "reason",
                            name + " has not polled " + topic + " for " + sincePoll.toSeconds()
                                    + " s (a record waits for an unavailable dependency?)")
                    .build();
        }
        return Health.up().build();
    }

    @Override
    public synchronized void start() {
        running = true;
        lastPollNanos = System.nanoTime();
        worker = new Thread(this::superviseFollowing, name);
        worker.setDaemon(true);
        worker.start();
    }

    private void superviseFollowing() {
        Duration backOff = FIRST_BACK_OFF;
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka =
                    new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer = kafka;
                if (!running) {
                    return;
                }
                try (KafkaClientMetrics metrics = new KafkaClientMetrics(kafka, Tags.of("consumer", name))) {
                    if (registry != null) {
                        metrics.bindTo(registry);
                    }
                    follow(kafka);
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return; // stop() woke or interrupted it
                }
                if (failure == null) {
                    backOff = FIRST_BACK_OFF;
                }
                Failure previous = failure;
                failure = new Failure(
                        e.toString(),
                        previous == null ? Instant.now() : previous.since(),
                        previous == null ? 1 : previous.attempts() + 1);
                log.error(
                        "{} stopped following {} ({} failed attempts in a row); it starts again from the last "
                                + "committed offsets in {} ms",
                        name,
                        topic,
                        failure.attempts(),
                        backOff.toMillis(),
                        e);
                try {
                    Thread.sleep(backOff.toMillis());
                } catch (InterruptedException stopping) {
                    return;
                }
                backOff = backOff.multipliedBy(2).compareTo(LONGEST_BACK_OFF) > 0
                        ? LONGEST_BACK_OFF
                        : backOff.multipliedBy(2);
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            KafkaConsumer<String, byte[]> current = consumer;
            if (current != null) {
                current.wakeup();
            }
            worker.interrupt();
            try {
                worker.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
