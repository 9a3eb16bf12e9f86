package io.github.assistantsplatform.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

/** The harness on tiny numbers, so that the benchmark command keeps working; its figures mean nothing here. */
class BenchmarksSmokeIT {

    @Test
    void theHarnessRunsEverySectionAndFillsTheTable() throws Exception {
        Path repository = Path.of(System.getProperty("repository.root", ".."))
                .toAbsolutePath()
                .normalize();
        try (RunningStack stack = RunningStack.start(repository, CrudPeerProcess.GATEWAY_ROUTE);
                CrudPeerProcess peer = CrudPeerProcess.start(repository, stack)) {
            Benchmarks benchmarks = new Benchmarks(stack);

            benchmarks.run(48, 300, 10, 1_000, 2, new int[] {10, 100});
            benchmarks.print();

            List<String[]> table = benchmarks.table();
            assertThat(table)
                    .extracting(row -> row[0])
                    .anyMatch(figure -> figure.startsWith("creates/s"))
                    .anyMatch(figure -> figure.startsWith("baseline: CRUD peer creates/s"))
                    .anyMatch(figure -> figure.startsWith("GET by id/s direct"))
                    .anyMatch(figure -> figure.startsWith("projection lag"))
                    .anyMatch(figure -> figure.startsWith("Kafka"))
                    .anyMatch(figure -> figure.startsWith("rebuild events/s ("))
                    .anyMatch(figure -> figure.startsWith("rebuild events/s while"))
                    .anyMatch(figure -> figure.startsWith("GET list (limit 10, guest)/s direct"))
                    .anyMatch(figure -> figure.startsWith("audit anchor over"))
                    .anyMatch(figure -> figure.startsWith("audit verify events/s (") && figure.endsWith("intact)"))
                    .anyMatch(figure -> figure.startsWith("an update, 100 events"))
                    .anyMatch(figure -> figure.startsWith("as_of now, 100 events"))
                    .anyMatch(figure -> figure.startsWith("memory (PSS) of gateway"))
                    .anyMatch(figure -> figure.startsWith("memory (PSS) of the whole local stack"));
            assertThat(table).allMatch(row -> !row[1].isBlank() && !row[1].startsWith("0.0"));
            assertThat(benchmarks.failures())
                    .as("requests answered otherwise than expected")
                    .isZero();
        }
    }
}
