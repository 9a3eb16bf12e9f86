package io.github.assistantsplatform.localstack;

import io.github.assistantsplatform.kafka.embedded.KafkaBroker;

/** The Kafka broker (KRaft, a JVM of its own) as a part of the stack. */
final class KafkaServer implements StackPart {

    private final KafkaBroker broker;

    KafkaServer(KafkaBroker broker) {
        this.broker = broker;
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public void start() {
        broker.start();
    }

    @Override
    public boolean isAlive() {
        return broker.isAlive();
    }

    @Override
    public long pid() {
        return broker.pid();
    }

    @Override
    public void stop() {
        broker.stop();
    }
}
