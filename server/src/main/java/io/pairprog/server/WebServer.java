package io.pairprog.server;

import io.pairprog.protocol.ErrorCode;
import io.pairprog.server.edge.Edge;
import io.pairprog.server.edge.EdgeLimits;
import io.pairprog.server.edge.JsonErrors;
import io.pairprog.server.ws.WebSockets;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.CLStaticHttpHandler;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.RequestExecutorProvider;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Grizzly listener for everything: WebSocket upgrades go to Tyrus (an add-on in the filter chain),
 * API paths to Jersey, and every other path to the web page's static files.
 */
public final class WebServer implements Managed {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    /**
     * First path segments that belong to Jersey: the REST API and the operations endpoints. Everything
     * else is a static file: the web page, {@code /docs} (Swagger UI) and {@code /webjars/}.
     */
    private static final Set<String> API_ROOTS = Set.of("rooms", "autocomplete", "openapi.json", "health", "metrics");
    private static final RequestExecutorProvider SAME_THREAD = new RequestExecutorProvider.SameThreadProvider();

    private final String host;
    private final int port;
    private final ResourceConfig rest;
    private final WebSockets webSockets;
    private final Edge edge;
    private HttpServer http;

    public WebServer(String host, int port, ResourceConfig rest, WebSockets webSockets, EdgeLimits limits) {
        this.host = host;
        this.port = port;
        this.rest = rest;
        this.webSockets = webSockets;
        this.edge = new Edge(limits);
    }

    /**
     * Everything but opening the port: the listener, Tyrus's add-on and Jersey's application (its
     * injection setup is most of the web stack's start-up time). Touches nothing of the database, so it
     * can run while that opens; {@link #start()} does it if nobody did.
     */
    public void prepare() {
        if (http != null) {
            return;
        }
        HttpServer server = new HttpServer();
        NetworkListener listener = new NetworkListener("pairprog", host, port);
        // Tyrus callbacks would otherwise run on the selector thread, where one slow call stalls all I/O.
        listener.getTransport().setIOStrategy(WorkerThreadIOStrategy.getInstance());
        listener.registerAddOn(webSockets.addOn());
        edge.configure(listener, server.getServerConfiguration()); // after Tyrus: it wraps the whole chain
        server.addListener(listener);
        server.getServerConfiguration().setDefaultQueryEncoding(StandardCharsets.UTF_8);
        server.getServerConfiguration().addHttpHandler(new Router(
                edge.rest(ContainerFactory.createContainer(GrizzlyHttpContainer.class, rest)), staticFiles()), "/");
        http = server;
    }

    @Override
    public void start() throws Exception {
        prepare();
        http.start();
        webSockets.deploy();
        log.info("listening on http://{}:{}/", host, port());
    }

    private static HttpHandler staticFiles() {
        ClassLoader loader = WebServer.class.getClassLoader();
        CLStaticHttpHandler web = new CLStaticHttpHandler(loader, "/pairprog/web/", "/META-INF/resources/");
        web.setFileCacheEnabled(false);
        return web;
    }

    /** The bound port; differs from the configured one when that was 0. */
    public int port() {
        return http.getListeners().iterator().next().getPort();
    }

    @Override
    public void stop() throws InterruptedException {
        webSockets.stop();
        try {
            http.shutdown(2, TimeUnit.SECONDS).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            http.shutdownNow();
        }
        edge.stop();
    }

    /**
     * Sends API paths to Jersey and the rest to the static files, on the worker thread that read the request:
     * both answer without blocking (the REST dispatcher hands Jersey to threads of its own).
     */
    private static final class Router extends HttpHandler {
        private static final Logger log = LoggerFactory.getLogger(Router.class);

        private final HttpHandler api;
        private final HttpHandler files;

        Router(HttpHandler api, HttpHandler files) {
            this.api = api;
            this.files = files;
        }

        @Override
        public void start() {
            api.start();
            files.start();
        }

        @Override
        public void destroy() {
            api.destroy();
            files.destroy();
        }

        @Override
        public RequestExecutorProvider getRequestExecutorProvider() {
            return SAME_THREAD;
        }

        @Override
        public void service(Request request, Response response) throws Exception {
            String path = request.getRequestURI();
            int end = path.indexOf('/', 1);
            String root = end < 0 ? path.substring(1) : path.substring(1, end);
            if (API_ROOTS.contains(root)) {
                api.service(request, response);
            } else if (request.getMethod() != Method.GET && request.getMethod() != Method.HEAD) {
                response.setHeader("Allow", "GET, HEAD");
                JsonErrors.send(response, 405, ErrorCode.INVALID_REQUEST, "only GET and HEAD serve files", true);
            } else {
                serveFile(request, response);
            }
        }

        /** A failure of the static files is answered in JSON and logged in one line (Grizzly's page has a stack trace). */
        private void serveFile(Request request, Response response) throws Exception {
            try {
                files.service(request, response);
            } catch (Exception e) {
                log.warn("serving a file failed: {}", e.getClass().getName()); // messages may quote the URL
                log.debug("serving a file failed", e);
                if (!response.isCommitted()) {
                    response.reset();
                    JsonErrors.send(response, 500, ErrorCode.INTERNAL_ERROR, "internal error", true);
                }
            }
        }
    }
}
