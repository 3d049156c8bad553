package io.pairprog.server.edge;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpPacketParsing;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.utils.DelayedExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose request head (request line and headers) is not complete within the header
 * timeout of its first byte. The idle timeout alone cannot: a client that sends one header byte every
 * few seconds is never idle (slowloris).
 *
 * <p>Sits just before Grizzly's HTTP decoder. A read that finds no request in process there starts a new
 * request head, and arms the deadline; when it passes, the connection is closed if the request then in
 * process still has no parsed head. Reads of upgraded WebSockets never get here (see
 * {@code UpgradedConnectionFilter}).
 */
final class HeaderDeadline extends BaseFilter {
    private static final Logger log = LoggerFactory.getLogger(HeaderDeadline.class);
    /** The decoder's request in process; the same attribute, as Grizzly returns one per name. */
    private static final Attribute<Object> IN_PROCESS =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(HttpServerFilter.HTTP_SERVER_REQUEST_ATTR_NAME);
    private static final Attribute<long[]> DEADLINE = Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(
            HeaderDeadline.class.getName() + ".deadline", () -> new long[] {DelayedExecutor.UNSET_TIMEOUT});

    private final long timeoutMillis;
    private final DelayedExecutor.DelayQueue<Connection<?>> deadlines;

    HeaderDeadline(Duration timeout, DelayedExecutor timer) {
        this.timeoutMillis = timeout.toMillis();
        this.deadlines = timer.createDelayQueue(HeaderDeadline::expire, new Resolver());
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Connection<?> connection = ctx.getConnection();
        if (IN_PROCESS.get(connection) == null) {
            deadlines.add(connection, timeoutMillis, TimeUnit.MILLISECONDS);
        }
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleClose(FilterChainContext ctx) throws IOException {
        deadlines.remove(ctx.getConnection());
        return ctx.getInvokeAction();
    }

    private static boolean expire(Connection<?> connection) {
        if (connection.isOpen() && IN_PROCESS.get(connection) instanceof HttpPacketParsing request
                && !request.isHeaderParsed()) {
            log.info("closed a connection whose request head was not complete in time");
            connection.closeSilently();
        }
        return true;
    }

    private static final class Resolver implements DelayedExecutor.Resolver<Connection<?>> {
        @Override
        public boolean removeTimeout(Connection<?> connection) {
            long[] deadline = DEADLINE.get(connection);
            boolean armed = deadline[0] != DelayedExecutor.UNSET_TIMEOUT;
            deadline[0] = DelayedExecutor.UNSET_TIMEOUT;
            return armed;
        }

        @Override
        public long getTimeoutMillis(Connection<?> connection) {
            return DEADLINE.get(connection)[0];
        }

        @Override
        public void setTimeoutMillis(Connection<?> connection, long millis) {
            DEADLINE.get(connection)[0] = millis;
        }
    }
}
