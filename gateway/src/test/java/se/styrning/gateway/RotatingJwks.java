package se.styrning.gateway;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import se.styrning.testsupport.TestTokens;
import se.styrning.testsupport.TokenSigner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * An identity provider's key set (JWKS) over HTTP, as the gateway reads it in production: it serves one signer's key
 * at a time, and a test rotates it with {@link #serve}. Nothing listens for upstreams: a call with a valid token to an
 * unknown path is a 404, with an invalid one a 401.
 */
public class RotatingJwks implements QuarkusTestResourceLifecycleManager {

    static final TokenSigner FIRST = TokenSigner.generate(TestTokens.ISSUER);
    static final TokenSigner SECOND = TokenSigner.generate(TestTokens.ISSUER);

    private static volatile byte[] jwks = jwks(FIRST);

    private HttpServer server;

    static void serve(TokenSigner signer) {
        jwks = jwks(signer);
    }

    @Override
    public Map<String, String> start() {
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
        // the other tests' inline key stays in the configuration after their run, and would be used before a location;
        // NONE is SmallRye's own "not set" (an empty value fails its injection)
        return Map.of("mp.jwt.verify.publickey", "NONE",
                "mp.jwt.verify.publickey.location", "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks",
                "mp.jwt.verify.issuer", TestTokens.ISSUER,
                "styrning.gateway.token-cache.keys-refresh", "1s",
                "styrning.gateway.token-cache.max-age", "1h");
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    private static byte[] jwks(TokenSigner signer) {
        try {
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(signer.publicKeyBase64())));
            RsaJsonWebKey jwk = new RsaJsonWebKey(key);
            jwk.setAlgorithm("RS256");
            jwk.setUse("sig");
            return new JsonWebKeySet(jwk).toJson().getBytes(StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
