package io.betterauth.jakarta.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for requests {@code java.net.http} refuses to send: malformed or non-ASCII header
 * values, repeated headers, a {@code Content-Length} the body does not match, chunked bodies. The response is read
 * as it arrives (status, headers, then a body by {@code Content-Length} or chunks), so an answer sent before the
 * request body was read is seen without waiting for the server to read it.
 */
final class RawHttp {

    /** A response: status, header lines as received, and the body as UTF-8. */
    record Response(int status, List<String> headers, String body) {

        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).trim()).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    private final String host;
    private final int port;
    private final String base;

    RawHttp(URL deployment) {
        this.host = "127.0.0.1";
        this.port = deployment.getPort();
        this.base = deployment.getPath().replaceAll("/$", "");
    }

    String origin() {
        return "http://" + host + ":" + port;
    }

    /**
     * A POST of {@code body} with these header lines (each {@code "Name: value"}, written as ISO-8859-1 bytes, so
     * a {@code char} up to U+00FF is one byte) plus {@code Host}, {@code Connection: close} and, unless a header
     * line sets it or {@code Transfer-Encoding}, the body's {@code Content-Length}.
     */
    Response post(String path, List<String> headerLines, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder("POST " + base + path + " HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("Connection: close\r\n");
        boolean framed = false;
        for (String line : headerLines) {
            head.append(line).append("\r\n");
            String lower = line.toLowerCase(Locale.ROOT);
            framed |= lower.startsWith("content-length:") || lower.startsWith("transfer-encoding:");
        }
        if (!framed) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /** The body as chunks of {@code chunkSize} bytes, with the terminating empty chunk. */
    static byte[] chunked(byte[] body, int chunkSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < body.length; i += chunkSize) {
            int n = Math.min(chunkSize, body.length - i);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, i, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        List<String> headers = new ArrayList<>();
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            headers.add(h);
        }
        Response bare = new Response(status, headers, "");
        String length = bare.header("content-length");
        byte[] body;
        if ("chunked".equalsIgnoreCase(bare.header("transfer-encoding"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int n = Integer.parseInt(line(in).split(";")[0].trim(), 16); n > 0;
                 n = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                out.write(in.readNBytes(n));
                line(in);
            }
            body = out.toByteArray();
        } else if (length != null) {
            body = in.readNBytes(Integer.parseInt(length));
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Connection closed mid-line after: " + out.toString(StandardCharsets.ISO_8859_1));
            }
            if (b != '\r') {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
