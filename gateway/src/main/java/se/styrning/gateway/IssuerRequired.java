package se.styrning.gateway;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Without {@code mp.jwt.verify.issuer} SmallRye JWT does not check a token's issuer at all, so the gateway would let
 * through tokens from any issuer whose key it trusts. It refuses to start instead (the services check the same).
 */
@ApplicationScoped
class IssuerRequired {

    void check(@Observes StartupEvent start, @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer) {
        if (issuer.filter(value -> !value.isBlank()).isEmpty()) {
            throw new IllegalStateException("mp.jwt.verify.issuer (MP_JWT_VERIFY_ISSUER) is not set: set it to the "
                    + "iss of the tokens the gateway accepts; without it no token's issuer would be checked");
        }
    }
}
