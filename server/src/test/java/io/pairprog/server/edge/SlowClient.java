package io.pairprog.server.edge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A client that sends a request as slowly as it likes, or not at all: slowloris headers and bodies, idle
 * keep-alive connections, connections from another loopback address (127.0.0.2, …).
 */
public final class SlowClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;

    private SlowClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    public static SlowClient connect(int port) throws IOException {
        return connectFrom("127.0.0.1", port);
    }

    /** Connects from {@code localAddress}, any address of 127.0.0.0/8 on Linux. */
    public static SlowClient connectFrom(String localAddress, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        return new SlowClient(socket);
    }

    public SlowClient send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return this;
    }

    /** The head of the next response (status line and headers), or "" if the connection ended first. */
    public String head(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** The rest of the response: the body of a {@code Connection: close} answer. */
    public String rest(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /**
     * Waits up to {@code timeout} for the server to close the connection, discarding whatever it sends;
     * true if it did. A reset counts as closed.
     */
    public boolean closedWithin(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        try {
            while (in.read() >= 0) {
                // a response the server sent before closing
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
