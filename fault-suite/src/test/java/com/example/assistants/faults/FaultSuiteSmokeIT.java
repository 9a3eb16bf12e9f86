package com.example.assistants.faults;

import com.example.assistants.benchmarks.RunningStack;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite's short variant, in the test command: the stack under load while PostgreSQL,
 * command-service and the MongoDB-compatible server are killed in turn. Nothing acknowledged may
 * be lost, and everything must converge.
 */
class FaultSuiteSmokeIT {

    @Test
    void killedProcessesLoseNoAcknowledgedWriteAndEverythingConverges() throws Exception {
        Path repository = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
        try (RunningStack stack = RunningStack.start(repository, FaultSuite.STACK_ENVIRONMENT)) {
            List<FaultSuite.Outcome> outcomes = new FaultSuite(stack, Duration.ofSeconds(4), Duration.ofSeconds(4),
                    Duration.ofMinutes(3)).run(List.of(FaultSuite.Fault.kill("postgres"),
                    FaultSuite.Fault.kill("command-service"), FaultSuite.Fault.kill("mongo")));
            System.out.println(FaultSuite.table(outcomes));

            assertThat(outcomes).allSatisfy(outcome -> {
                assertThat(outcome.acknowledged()).as(outcome.fault().name()).isPositive();
                assertThat(outcome.lost()).as(outcome.fault().name()).isZero();
                assertThat(outcome.notConverged()).as(outcome.fault().name()).isEmpty();
            });
        }
    }
}
