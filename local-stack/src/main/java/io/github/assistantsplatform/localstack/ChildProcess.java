package io.github.assistantsplatform.localstack;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A part of the stack that is a process this launcher starts: alive while the process is, stopped as an operator would. */
abstract class ChildProcess implements StackPart {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private Process process;

    /** Starts the process as {@code builder} says, replacing a dead one. */
    protected final synchronized Process launch(ProcessBuilder builder) throws IOException {
        process = builder.start();
        return process;
    }

    protected final synchronized Process process() {
        return process;
    }

    @Override
    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public synchronized long pid() {
        return isAlive() ? process.pid() : -1;
    }

    /** SIGTERM, so that it can finish what it is doing; SIGKILL if it has not within 30 s. */
    @Override
    public synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LocalStack.log(name() + " did not stop within " + STOP_GRACE.toSeconds() + " s; killing it");
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        LocalStack.log("stopped " + name());
    }
}
