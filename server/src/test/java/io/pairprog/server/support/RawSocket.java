package io.pairprog.server.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Bytes on a socket, for input that well-behaved clients refuse to send: broken percent-encoding in
 * paths, invalid UTF-8 inside WebSocket frames.
 */
public final class RawSocket implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    public RawSocket(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(3000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /** Sends a GET for {@code rawPath} exactly as written and returns the status line. */
    public String get(String rawPath) throws IOException {
        write(("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        String response = readAll();
        int end = response.indexOf("\r\n");
        return end < 0 ? response : response.substring(0, end);
    }

    /** Opens a WebSocket handshake on {@code rawPath}; returns the response head (status line and headers). */
    public String upgrade(String rawPath) throws IOException {
        write(("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
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

    /** Sends one masked text frame whose payload is {@code payload}, valid UTF-8 or not. */
    public void textFrame(byte[] payload) throws IOException {
        byte[] mask = {1, 2, 3, 4};
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        frame.write(0x80 | payload.length); // short payloads only
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        write(frame.toByteArray());
    }

    /**
     * Reads frames until a close frame arrives and returns its status code; -1 if the connection ended
     * without one.
     */
    public int closeCode() throws IOException {
        try {
            while (true) {
                int first = in.read();
                int second = in.read();
                if (first < 0 || second < 0) {
                    return -1;
                }
                long length = second & 0x7f;
                if (length == 126) {
                    length = (in.read() << 8) | in.read();
                } else if (length == 127) {
                    length = 0;
                    for (int i = 0; i < 8; i++) {
                        length = (length << 8) | in.read();
                    }
                }
                byte[] payload = in.readNBytes((int) length);
                if ((first & 0x0f) == 0x8) {
                    return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
                }
            }
        } catch (SocketTimeoutException e) {
            return -1;
        }
    }

    private void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    private String readAll() throws IOException {
        try {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (SocketTimeoutException e) {
            return "";
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
