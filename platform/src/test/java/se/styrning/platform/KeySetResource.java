package se.styrning.platform;

import se.styrning.embedded.TokenSigner;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.JwksServer;
import se.styrning.testsupport.TestTokens;

import java.util.HashMap;
import java.util.Map;

/** The test infrastructure, with the signing keys served as an identity provider serves them: a JWKS over HTTP. */
public class KeySetResource extends InfrastructureResource {

    static final TokenSigner FIRST = TokenSigner.generate(TestTokens.ISSUER);
    static final TokenSigner SECOND = TokenSigner.generate(TestTokens.ISSUER);

    private static JwksServer keySet;

    static void serve(TokenSigner signer) {
        keySet.serve(signer);
    }

    @Override
    public Map<String, String> start() {
        keySet = new JwksServer(FIRST);
        Map<String, String> config = new HashMap<>(super.start());
        // NONE is SmallRye's "not set": an inline key would be used before the location
        config.put("mp.jwt.verify.publickey", "NONE");
        config.put("mp.jwt.verify.publickey.location", keySet.location());
        config.put("styrning.tokens.keys-refresh", "1s");
        config.put("styrning.tokens.max-age", "1h");
        return config;
    }

    @Override
    public void stop() {
        keySet.close();
    }
}
