package io.github.assistantsplatform.localstack;

/**
 * One process of the local stack. The stack starts each, and restarts any that dies (as a
 * container runtime's restart policy would), unless an operator holds it down.
 */
interface StackPart {

    /** As the stack's control commands and its pid file name it: postgres, kafka, mongo, s3, or the service's name. */
    String name();

    /** Starts the process; returns once it takes connections. */
    void start() throws Exception;

    boolean isAlive();

    /** The process's id, -1 when it is not running. */
    long pid();

    /** Stops the process as an operator would (it may finish what it is doing); the data stays. */
    void stop();
}
