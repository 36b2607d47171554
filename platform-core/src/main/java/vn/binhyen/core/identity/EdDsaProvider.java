package vn.binhyen.core.identity;

import java.security.Provider;
import java.security.Security;

/**
 * Exposes only BouncyCastle's EdDSA KeyFactory, KeyPairGenerator and Signature, inserted first so
 * vertx-auth-jwt uses it instead of the JDK's EdDSA (10–19× slower here, STACK.md) without moving
 * RSA/EC/TLS to BouncyCastle.
 */
final class EdDsaProvider extends Provider {

  static final String NAME = "BinhYen-BC-EdDSA";
  private static final String BC = "org.bouncycastle.jcajce.provider.asymmetric.edec.";

  private EdDsaProvider() {
    super(NAME, "1.0", "BouncyCastle EdDSA only");
    for (String alg : new String[] {"EdDSA", "Ed25519"}) {
      put("KeyFactory." + alg, BC + "KeyFactorySpi$" + alg);
      put("KeyPairGenerator." + alg, BC + "KeyPairGeneratorSpi$" + alg);
      put("Signature." + alg, BC + "SignatureSpi$" + alg);
    }
  }

  static synchronized void install() {
    if (Security.getProvider(NAME) == null) {
      Security.insertProviderAt(new EdDsaProvider(), 1);
    }
  }
}
