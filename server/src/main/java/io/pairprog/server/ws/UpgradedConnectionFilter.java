package io.pairprog.server.ws;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.memory.ByteBufferArray;
import org.glassfish.tyrus.container.grizzly.client.TaskProcessor;
import org.glassfish.tyrus.container.grizzly.server.GrizzlyServerFilter;
import org.glassfish.tyrus.spi.ReadHandler;

/**
 * Sits in front of Grizzly's HTTP codec and takes a connection out of HTTP once Tyrus has upgraded it.
 *
 * <p>Left alone, Grizzly keeps the upgrade request "in process" for the whole life of a WebSocket, because
 * every later read still passes through its HTTP codec as the body of that request: ~9 KiB per connection
 * of header chunks that nobody reads again, half of the server's live heap per idle connection. Once the
 * handshake is done this filter drops that request and hands each read straight to the connection's Tyrus
 * reader, through the same per-connection task queue Tyrus's own filter uses, so frames keep their order
 * against Tyrus's close handling.
 *
 * <p>Tyrus publishes neither attribute; they are found by the names Tyrus derives from its class names
 * (Grizzly returns the same attribute for the same name). Should those names change, nothing breaks:
 * no connection is ever seen as upgraded and every read takes the HTTP path as before; a test pins it.
 */
final class UpgradedConnectionFilter extends BaseFilter {
    static final Attribute<org.glassfish.tyrus.spi.Connection> TYRUS_CONNECTION =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(GrizzlyServerFilter.class.getName() + ".Connection");
    private static final Attribute<TaskProcessor> TASKS =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(TaskProcessor.class.getName() + ".TaskProcessor");
    static final Attribute<Object> HTTP_REQUEST =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(HttpServerFilter.HTTP_SERVER_REQUEST_ATTR_NAME);

    /** Runs once the read that carried a handshake has been through the whole chain. */
    private static final FilterChainContext.CompletionListener RELEASE_UPGRADE_REQUEST = ctx -> {
        Connection<?> connection = ctx.getConnection();
        if (connection != null && TYRUS_CONNECTION.isSet(connection)) {
            HTTP_REQUEST.remove(connection);
        }
    };

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        org.glassfish.tyrus.spi.Connection webSocket = TYRUS_CONNECTION.get(ctx.getConnection());
        TaskProcessor tasks = webSocket == null ? null : TASKS.get(ctx.getConnection());
        if (tasks == null) {
            ctx.addCompletionListener(RELEASE_UPGRADE_REQUEST);
            return ctx.getInvokeAction();
        }
        Buffer buffer = ctx.getMessage();
        ReadHandler reader = webSocket.getReadHandler();
        if (!buffer.isComposite()) {
            tasks.processTask(new Read(reader, buffer.toByteBuffer()));
        } else {
            ByteBufferArray parts = buffer.toByteBufferArray();
            ByteBuffer[] array = parts.getArray(); // pooled: only the first size() entries are this read's
            for (int i = 0; i < parts.size(); i++) {
                tasks.processTask(new Read(reader, array[i]));
            }
            parts.recycle();
        }
        return ctx.getStopAction();
    }

    private static final class Read extends TaskProcessor.Task {
        private final ReadHandler reader;
        private final ByteBuffer bytes;

        Read(ReadHandler reader, ByteBuffer bytes) {
            this.reader = reader;
            this.bytes = bytes;
        }

        @Override
        public void execute() {
            reader.handle(bytes);
        }
    }
}
