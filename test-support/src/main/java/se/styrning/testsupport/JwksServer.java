package se.styrning.testsupport;

import com.sun.net.httpserver.HttpServer;
import se.styrning.embedded.TokenSigner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** An identity provider's key set (JWKS) over HTTP, one signer's key at a time; {@link #serve} rotates it. */
public final class JwksServer implements AutoCloseable {

    private final HttpServer server;
    private volatile byte[] jwks;

    public JwksServer(TokenSigner signer) {
        serve(signer);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/jwks", exchange -> {
            byte[] body = jwks;
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    public void serve(TokenSigner signer) {
        jwks = signer.jwks().getBytes(StandardCharsets.UTF_8);
    }

    /** Where the key set is, the form {@code mp.jwt.verify.publickey.location} takes. */
    public String location() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
