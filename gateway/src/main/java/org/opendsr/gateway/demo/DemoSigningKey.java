package org.opendsr.gateway.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.micronaut.context.annotation.Requires;
import io.micronaut.security.token.jwt.endpoints.JwkProvider;
import io.micronaut.security.token.jwt.signature.rsa.RSASignatureGeneratorConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The demo issuer's RSA key: signs demo tokens, validates them here, and is published (public half only) as the
 * JWKS at {@code /keys}, from where the services fetch it exactly as they would a real identity provider's.
 */
@Singleton
@Named("generator")
@Requires(property = "dsr.gateway.demo-issuer.enabled", value = "true")
public class DemoSigningKey implements RSASignatureGeneratorConfiguration, JwkProvider {

    private final RSAKey key;

    public DemoSigningKey(DemoIssuerSettings settings) {
        this.key = loadOrCreate(settings.getKeyFile());
    }

    @Override
    public RSAPublicKey getPublicKey() {
        return publicKey();
    }

    @Override
    public RSAPrivateKey getPrivateKey() {
        try {
            return key.toRSAPrivateKey();
        } catch (JOSEException e) {
            throw new IllegalStateException("The demo key has no private part", e);
        }
    }

    @Override
    public JWSAlgorithm getJwsAlgorithm() {
        return JWSAlgorithm.RS256;
    }

    @Override
    public List<JWK> retrieveJsonWebKeys() {
        return List.of(key.toPublicJWK());
    }

    private RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException("The demo key has no public part", e);
        }
    }

    private static RSAKey loadOrCreate(Path file) {
        try {
            if (file != null && Files.exists(file)) {
                return RSAKey.parse(Files.readString(file));
            }
            RSAKey created = new RSAKeyGenerator(2048)
                    .keyID("dsr-demo-" + UUID.randomUUID())
                    .algorithm(JWSAlgorithm.RS256)
                    .keyUse(KeyUse.SIGNATURE)
                    .generate();
            if (file != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, created.toJSONString());
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Nothing more to do on a file system without POSIX permissions.
                }
            }
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write the demo signing key", e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("The demo signing key could not be read or made", e);
        }
    }
}
