package se.styrning.testsupport;

import se.styrning.embedded.TokenSigner;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Bearer tokens for tests, signed with the test JVM's key (see {@link InfrastructureResource}). */
public final class TestTokens {

    public static final String ISSUER = "https://styrning.test/issuer";
    private static final TokenSigner SIGNER = TokenSigner.generate(ISSUER);

    private TestTokens() {
    }

    public static TokenSigner signer() {
        return SIGNER;
    }

    public static String admin() {
        return token("admin-test", Set.of("admin"), Set.of());
    }

    public static String viewer() {
        return token("viewer-test", Set.of("viewer"), Set.of());
    }

    public static String token(String subject, Set<String> roles, Set<UUID> units) {
        return SIGNER.sign(subject, List.copyOf(roles), List.copyOf(units), Duration.ofHours(1));
    }

    /** The value of an {@code Authorization} header. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
