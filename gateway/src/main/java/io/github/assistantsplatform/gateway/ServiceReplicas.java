package io.github.assistantsplatform.gateway;

import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BiFunction;

/**
 * The replicas of one service ({@code ASSISTANTS_*_SERVICE_URL}: one URL, or several separated by
 * commas), taken in turn. A replica that could not be reached is passed over for
 * {@link #PASSED_OVER_FOR}, then tried again. A read that fails on one replica is tried on the next;
 * a write only when its connection was refused, so that it was never sent.
 */
final class ServiceReplicas {

    static final Duration PASSED_OVER_FOR = Duration.ofSeconds(5);
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final List<URI> replicas;
    private final AtomicInteger turn = new AtomicInteger();
    /** Per replica, until when (System.nanoTime) it is passed over; 0 when it is not. */
    private final AtomicLongArray unreachableUntil;

    ServiceReplicas(String urls) {
        this.replicas = Arrays.stream(urls.split(","))
                .map(String::strip)
                .filter(url -> !url.isEmpty())
                .map(URI::create)
                .toList();
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("No service URL in '" + urls + "'");
        }
        this.unreachableUntil = new AtomicLongArray(replicas.size());
    }

    List<URI> urls() {
        return replicas;
    }

    /**
     * Sends each request to the next reachable replica, and on to the following one while it may;
     * a request no replica could take is answered by {@code unavailable}.
     */
    HandlerFilterFunction<ServerResponse, ServerResponse> balance(
            BiFunction<Throwable, ServerRequest, ServerResponse> unavailable) {
        return (request, next) -> {
            boolean idempotent = IDEMPOTENT.contains(request.method());
            int first = Math.floorMod(turn.getAndIncrement(), replicas.size());
            Exception last = null;
            for (int attempt = 0; attempt < replicas.size(); attempt++) {
                int replica = choose(first + attempt);
                MvcUtils.setRequestUrl(request, replicas.get(replica));
                try {
                    return next.handle(request);
                } catch (Exception e) {
                    last = e;
                    boolean refused = causedBy(e, ConnectException.class);
                    if (refused || causedBy(e, IOException.class)) {
                        unreachableUntil.set(replica, System.nanoTime() + PASSED_OVER_FOR.toNanos());
                    }
                    if (!(refused || idempotent && causedBy(e, IOException.class))) {
                        break;
                    }
                }
            }
            return unavailable.apply(last, request);
        };
    }

    /** The replica at {@code position} in turn, or the first one after it that is not passed over (itself if all are). */
    private int choose(int position) {
        long now = System.nanoTime();
        for (int offset = 0; offset < replicas.size(); offset++) {
            int replica = Math.floorMod(position + offset, replicas.size());
            if (unreachableUntil.get(replica) - now <= 0) {
                return replica;
            }
        }
        return Math.floorMod(position, replicas.size());
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
