package vn.binhyen.core.identity;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import vn.binhyen.core.crypto.MasterKey;

/**
 * The EdDSA key pair that signs access tokens, shared by every node: generated once, stored in
 * {@code platform_secret} sealed under the master key.
 */
public record JwtKeys(String privatePem, String publicPem) {

  private static final String NAME = "jwt-signing-key";
  private static final byte[] AAD = NAME.getBytes(StandardCharsets.UTF_8);

  /** Loads the shared key, creating it if this is the first node ever to start. */
  public static Future<JwtKeys> loadOrCreate(Pool pool, MasterKey master) {
    EdDsaProvider.install();
    return read(pool, master).compose(found -> {
      if (found != null) {
        return Future.succeededFuture(found);
      }
      JwtKeys fresh = generate();
      JsonObject json = new JsonObject().put("private", fresh.privatePem).put("public", fresh.publicPem);
      byte[] sealed = master.seal(json.encode().getBytes(StandardCharsets.UTF_8), AAD);
      // Two nodes starting together: the second insert does nothing and both read the winner.
      return pool.preparedQuery("INSERT INTO platform_secret (name, sealed) VALUES ($1, $2) ON CONFLICT DO NOTHING")
          .execute(Tuple.of(NAME, io.vertx.core.buffer.Buffer.buffer(sealed)))
          .compose(x -> read(pool, master));
    });
  }

  private static Future<JwtKeys> read(Pool pool, MasterKey master) {
    return pool.preparedQuery("SELECT sealed FROM platform_secret WHERE name = $1")
        .execute(Tuple.of(NAME))
        .map(rows -> {
          if (rows.size() == 0) {
            return null;
          }
          byte[] sealed = rows.iterator().next().getBuffer(0).getBytes();
          JsonObject json = new JsonObject(new String(master.open(sealed, AAD), StandardCharsets.UTF_8));
          return new JwtKeys(json.getString("private"), json.getString("public"));
        });
  }

  static JwtKeys generate() {
    try {
      KeyPair kp = KeyPairGenerator.getInstance("Ed25519", EdDsaProvider.NAME).generateKeyPair();
      return new JwtKeys(pem("PRIVATE KEY", kp.getPrivate().getEncoded()),
          pem("PUBLIC KEY", kp.getPublic().getEncoded()));
    } catch (NoSuchAlgorithmException | java.security.NoSuchProviderException e) {
      throw new IllegalStateException("Ed25519 is not available", e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
