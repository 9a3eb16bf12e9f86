package io.github.assistantsplatform.benchmarks;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Closed-loop load: {@code clients} threads each doing one call after the other, {@code calls} in all. */
final class Load {

    /** @param latency in microseconds */
    record Result(double perSecond, Histogram latency, long failures) {

        double p50Millis() {
            return latency.getValueAtPercentile(50) / 1000.0;
        }

        double p99Millis() {
            return latency.getValueAtPercentile(99) / 1000.0;
        }

        /** Several rounds of the same load: the median rate (the machine is shared), latencies of all calls. */
        static Result ofRounds(List<Result> rounds) {
            Histogram all = new Histogram(3);
            rounds.forEach(round -> all.add(round.latency()));
            List<Double> rates = rounds.stream()
                    .map(Result::perSecond)
                    .sorted(Comparator.naturalOrder())
                    .toList();
            return new Result(
                    rates.get(rates.size() / 2),
                    all,
                    rounds.stream().mapToLong(Result::failures).sum());
        }
    }

    /** @param call does one request; returns true when it succeeded */
    static Result run(int clients, int calls, IntCall call) throws Exception {
        return run(clients, calls, () -> null, (none, i) -> call.call(i));
    }

    /** Each client keeps its own kept-alive connection to {@code port}. */
    static Result overHttp(int port, int clients, int calls, ClientCall<KeepAliveHttp> call) throws Exception {
        return run(clients, calls, () -> new KeepAliveHttp(port), call);
    }

    /**
     * @param perClient what each client opens for itself (a connection), closed when it is done
     * @param call      does one request with it; returns true when it succeeded
     */
    static <C extends AutoCloseable> Result run(int clients, int calls, Callable<C> perClient, ClientCall<C> call)
            throws Exception {
        Histogram latency = new Histogram(3);
        AtomicLong next = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Histogram>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit((Callable<Histogram>) () -> {
                Histogram mine = new Histogram(3);
                try (C client = perClient.call()) {
                    for (long i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        boolean ok = call.call(client, (int) i);
                        mine.recordValue((System.nanoTime() - t0) / 1_000);
                        if (!ok) {
                            failures.incrementAndGet();
                        }
                    }
                }
                return mine;
            }));
        }
        try {
            for (Future<Histogram> worker : workers) {
                latency.add(worker.get());
            }
        } finally {
            // a failed client stops the others after their call in flight, so that the harness can end
            next.set(calls);
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(calls / seconds, latency, failures.get());
    }

    @FunctionalInterface
    interface IntCall {
        boolean call(int index) throws Exception;
    }

    @FunctionalInterface
    interface ClientCall<C> {
        boolean call(C client, int index) throws Exception;
    }

    private Load() {}
}
