package io.pairprog.server.edge;

import io.pairprog.protocol.ErrorCode;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.threadpool.GrizzlyExecutorService;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;

/**
 * The REST API (Jersey) on threads of its own. Grizzly's few worker threads read every connection and run
 * every WebSocket callback; a REST request that held one while its body trickled in, or while it waited for
 * the database, stalled every room. Here a request is admitted (per-address limits), its body read without
 * a thread ({@link RestExchange}), and only then run on a bounded pool whose full queue answers 503.
 *
 * <p>Health and metrics run on a small pool of their own, outside the limits: an orchestrator's probe must
 * get through while the API is busy, or it restarts a server that is merely loaded.
 */
final class RestDispatcher extends HttpHandler {
    private static final Set<String> OPERATIONS = Set.of("/health", "/health/", "/health/ready", "/metrics");
    private static final int OPERATION_THREADS = 2;
    private static final int OPERATION_QUEUE = 32;

    private final HttpHandler jersey;
    private final EdgeLimits limits;
    private final RequestQuota quota;
    private final ExecutorService rest;
    private final ExecutorService operations;

    RestDispatcher(HttpHandler jersey, EdgeLimits limits) {
        this.jersey = jersey;
        this.limits = limits;
        this.quota = new RequestQuota(limits);
        this.rest = pool("pairprog-rest", limits.restThreads(), limits.restQueue());
        this.operations = pool("pairprog-operations", OPERATION_THREADS, OPERATION_QUEUE);
    }

    private static ExecutorService pool(String name, int threads, int queue) {
        return GrizzlyExecutorService.createInstance(ThreadPoolConfig.defaultConfig().copy().setPoolName(name)
                .setCorePoolSize(threads).setMaxPoolSize(threads).setQueueLimit(queue));
    }

    @Override
    public void start() {
        jersey.start();
    }

    @Override
    public void destroy() {
        rest.shutdownNow();
        operations.shutdownNow();
        jersey.destroy();
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        boolean operation = OPERATIONS.contains(request.getRequestURI());
        if (!operation) {
            String client = limits.clientAddresses().of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
            long wait = quota.take(client, createsRoom(request), System.nanoTime());
            if (wait > 0) {
                response.setHeader("Retry-After", Long.toString(wait));
                JsonErrors.send(response, 429, ErrorCode.RATE_LIMITED, "too many requests from your address; "
                        + "try again in " + wait + " s", hasBody(request));
                return;
            }
        }
        if (request.getContentLengthLong() > limits.maxBodyBytes()) {
            JsonErrors.send(response, 413, ErrorCode.MESSAGE_TOO_LARGE, "request body exceeds "
                    + limits.maxBodyBytes() + " bytes", true);
            return;
        }
        new RestExchange(request, response, jersey, operation ? operations : rest, limits).start();
    }

    /** A body left unread would have to be skipped, as slowly as it comes: such a refusal closes instead. */
    private static boolean hasBody(Request request) {
        return request.getContentLengthLong() > 0 || request.getRequest().isChunked();
    }

    private static boolean createsRoom(Request request) {
        String path = request.getRequestURI();
        return request.getMethod() == Method.POST && (path.equals("/rooms") || path.equals("/rooms/"));
    }
}
