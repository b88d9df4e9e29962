package se.styrning.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import se.styrning.embedded.TokenSigner;
import se.styrning.testsupport.JwksServer;
import se.styrning.testsupport.TestTokens;

import java.util.Map;

/**
 * An identity provider's key set (JWKS) over HTTP, as the gateway reads it in production: it serves one signer's key
 * at a time, and a test rotates it with {@link #serve}. Nothing listens for upstreams: a call with a valid token to an
 * unknown path is a 404, with an invalid one a 401.
 */
public class RotatingJwks implements QuarkusTestResourceLifecycleManager {

    static final TokenSigner FIRST = TokenSigner.generate(TestTokens.ISSUER);
    static final TokenSigner SECOND = TokenSigner.generate(TestTokens.ISSUER);

    private static JwksServer server;

    static void serve(TokenSigner signer) {
        server.serve(signer);
    }

    @Override
    public Map<String, String> start() {
        server = new JwksServer(FIRST);
        // the other tests' inline key stays in the configuration after their run, and would be used before a location;
        // NONE is SmallRye's own "not set" (an empty value fails its injection)
        return Map.of("mp.jwt.verify.publickey", "NONE",
                "mp.jwt.verify.publickey.location", server.location(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER,
                "styrning.gateway.token-cache.keys-refresh", "1s",
                "styrning.gateway.token-cache.max-age", "1h");
    }

    @Override
    public void stop() {
        server.close();
    }
}
