package io.pairprog.server.edge;

import io.pairprog.protocol.ErrorCode;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.ReadHandler;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.server.TimeoutHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One REST request: its body is read without holding a thread (Grizzly calls back as bytes arrive), then
 * Jersey runs it on the REST pool with the whole body buffered, so its blocking reads never wait.
 *
 * <p>Exactly one of four endings answers the request, whichever comes first ({@link #claim()}): the body is
 * complete (Jersey answers, or 503 when the pool's queue is full), the body exceeds the limit (413), the
 * body timeout passes (408), or reading fails. The error endings close the connection, since the rest of
 * the body is still on its way.
 */
final class RestExchange extends EmptyCompletionHandler<Response> implements ReadHandler, TimeoutHandler {
    private static final Logger log = LoggerFactory.getLogger(RestExchange.class);

    private final Request request;
    private final Response response;
    private final Connection<?> connection;
    private final HttpHandler jersey;
    private final Executor pool;
    private final EdgeLimits limits;
    private final AtomicBoolean claimed = new AtomicBoolean();
    /** Set when the response is resumed or cancelled: then it may already serve the connection's next request. */
    private volatile boolean done;

    RestExchange(Request request, Response response, HttpHandler jersey, Executor pool, EdgeLimits limits) {
        this.request = request;
        this.response = response;
        this.connection = request.getContext().getConnection();
        this.jersey = jersey;
        this.pool = pool;
        this.limits = limits;
    }

    void start() {
        response.suspend(limits.bodyTimeout().toMillis(), TimeUnit.MILLISECONDS, this, this);
        // Called back once more than the limit is buffered, or when the body is complete.
        request.getNIOInputStream().notifyAvailable(this, (int) Math.min(Integer.MAX_VALUE - 1, limits.maxBodyBytes()) + 1);
    }

    @Override
    public void onAllDataRead() {
        if (!claim()) {
            return;
        }
        try {
            pool.execute(this::runJersey);
        } catch (RejectedExecutionException full) {
            response.setHeader("Retry-After", "1");
            answer(503, ErrorCode.RATE_LIMITED, "the server is busy; try again in a second", false);
        }
    }

    @Override
    public void onDataAvailable() {
        if (claim()) {
            answer(413, ErrorCode.MESSAGE_TOO_LARGE, "request body exceeds " + limits.maxBodyBytes() + " bytes", true);
        }
    }

    @Override
    public void onError(Throwable error) {
        if (claim()) {
            log.debug("reading a request body failed", error);
            answer(400, ErrorCode.INVALID_REQUEST, "the request body could not be read", true);
        }
    }

    @Override
    public boolean onTimeout(Response timedOut) {
        if (claim()) {
            answer(408, ErrorCode.INVALID_REQUEST, "the request body did not arrive within "
                    + limits.bodyTimeout().toSeconds() + " s", true);
        }
        return false; // answered here, or Jersey is running: either way, never cancel
    }

    @Override
    public void completed(Response result) {
        done = true;
    }

    @Override
    public void cancelled() {
        done = true; // the connection closed under the suspended request
    }

    private boolean claim() {
        return !done && claimed.compareAndSet(false, true);
    }

    /** Jersey answers and resumes the response itself (its commit); only a failure that escapes it is ours. */
    private void runJersey() {
        try {
            jersey.service(request, response);
        } catch (Throwable error) {
            log.warn("a REST request failed outside the API's error handling: {}", error.getClass().getName());
            log.debug("REST request failure", error);
        } finally {
            if (!done) {
                answer(500, ErrorCode.INTERNAL_ERROR, "internal error", true);
            }
        }
    }

    /** Closing comes after resuming: a close while suspended would cancel the response under our feet. */
    private void answer(int status, ErrorCode code, String message, boolean close) {
        try {
            if (!response.isCommitted()) {
                if (close) {
                    response.setHeader("Connection", "close");
                }
                JsonErrors.send(response, status, code, message, false);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("could not answer {}", status, e);
        } finally {
            response.resume();
            if (close) {
                connection.closeSilently(); // rather than skip the rest of the body, as slowly as it comes
            }
        }
    }
}
