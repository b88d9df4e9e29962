package se.styrning.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigInteger;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs RS256 bearer tokens with a key pair made at run time (never committed): the stand-in for the
 * region's identity provider in tests and in the local stack.
 */
public final class TokenSigner {

    public static final String AUDIENCE = "styrning";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final String issuer;

    public TokenSigner(KeyPair keys, String issuer) {
        this.keys = keys;
        this.issuer = issuer;
    }

    public static TokenSigner generate(String issuer) {
        return new TokenSigner(newKeyPair(), issuer);
    }

    /** Loads the key pair kept in {@code directory}, creating it on first use. */
    public static TokenSigner inDirectory(Path directory, String issuer) {
        Path privatePem = directory.resolve("jwt-private.pem");
        Path publicPem = directory.resolve("jwt-public.pem");
        try {
            if (!Files.exists(privatePem) || !Files.exists(publicPem)) {
                Files.createDirectories(directory);
                KeyPair pair = newKeyPair();
                Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                return new TokenSigner(pair, issuer);
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(unpem(Files.readString(privatePem))));
            PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(unpem(Files.readString(publicPem))));
            return new TokenSigner(new KeyPair(publicKey, privateKey), issuer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unreadable key pair in " + directory, e);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** The public key as base64 DER, the form {@code mp.jwt.verify.publickey} takes. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", keys.getPublic().getEncoded());
    }

    /** The public key as a JSON Web Key Set, the form an identity provider serves at its JWKS URL. */
    public String jwks() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("alg", "RS256");
        jwk.put("use", "sig");
        jwk.put("n", URL.encodeToString(unsigned(key.getModulus())));
        jwk.put("e", URL.encodeToString(unsigned(key.getPublicExponent())));
        try {
            return JSON.writeValueAsString(Map.of("keys", List.of(jwk)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    /** A token for {@code subject} with the given roles ({@code groups}) and unit ids ({@code units}). */
    public String sign(String subject, Collection<String> roles, Collection<UUID> units, Duration lifetime) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("aud", AUDIENCE);
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond() - 5);
        claims.put("exp", now.plus(lifetime).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("groups", roles);
        claims.put("units", units.stream().map(UUID::toString).toList());
        return sign(claims);
    }

    /** Signs arbitrary claims, for tests of how services treat odd tokens. */
    public String sign(Map<String, Object> claims) {
        try {
            String header = encode(Map.of("alg", "RS256", "typ", "JWT"));
            String payload = encode(claims);
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.getPrivate());
            rs256.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, ?> json) {
        try {
            return URL.encodeToString(JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String kind, byte[] der) {
        return "-----BEGIN " + kind + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + kind + "-----\n";
    }

    private static byte[] unpem(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
