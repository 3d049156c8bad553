package io.pairprog.server;

import io.pairprog.server.ws.WebSockets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.CLStaticHttpHandler;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
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

    private final String host;
    private final int port;
    private final ResourceConfig rest;
    private final WebSockets webSockets;
    private HttpServer http;

    public WebServer(String host, int port, ResourceConfig rest, WebSockets webSockets) {
        this.host = host;
        this.port = port;
        this.rest = rest;
        this.webSockets = webSockets;
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
        // Grizzly's keep-alive timeout would close idle WebSockets after 30 s.
        listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
        listener.registerAddOn(webSockets.addOn());
        server.addListener(listener);
        server.getServerConfiguration().setDefaultQueryEncoding(StandardCharsets.UTF_8);
        server.getServerConfiguration().addHttpHandler(new Router(
                ContainerFactory.createContainer(GrizzlyHttpContainer.class, rest), staticFiles()), "/");
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
    }

    /** Sends API paths to Jersey and the rest to the static files. */
    private static final class Router extends HttpHandler {
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
        public void service(Request request, Response response) throws Exception {
            String path = request.getRequestURI();
            int end = path.indexOf('/', 1);
            String root = end < 0 ? path.substring(1) : path.substring(1, end);
            (API_ROOTS.contains(root) ? api : files).service(request, response);
        }
    }
}
