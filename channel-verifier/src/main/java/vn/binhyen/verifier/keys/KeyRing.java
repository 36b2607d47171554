package vn.binhyen.verifier.keys;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.SqlConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.binhyen.core.crypto.AeadKey;
import vn.binhyen.core.db.Db;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.verifier.signing.Ed25519Keys;
import vn.binhyen.verifier.signing.KeyCertificate;
import vn.binhyen.verifier.signing.SigningKey;
import vn.binhyen.verifier.translog.TransparencyLog;

/**
 * The chain of trust as stored: the ministry's root key and the log key (made on first start), one
 * issuing key per province certified by the root (made on the province's first issuance), rotation
 * and revocation. Every key event is appended to the transparency log in the same transaction.
 * Each node keeps a snapshot of the public keys, reloaded when any node announces a change on
 * {@link #CHANGED}; opened private keys are cached by kid.
 */
public final class KeyRing {

  /** Clustered event-bus address: some key was added, retired or revoked. */
  public static final String CHANGED = "binhyen.verifier.keys.changed";
  public static final String MINISTRY = "BCA";
  /** How long a root certification of an issuing key lasts; attestations expire well before. */
  static final Duration CERTIFICATE_VALIDITY = Duration.ofDays(20 * 365);

  private static final Logger log = LoggerFactory.getLogger(KeyRing.class);

  private final Vertx vertx;
  private final Db db;
  private final AeadKey sealing;
  private final TransparencyLog translog;
  private final KeyRepository repo = new KeyRepository();
  private final Map<String, SigningKey> opened = new ConcurrentHashMap<>();
  private volatile Map<String, StoredKey> byKid = Map.of();

  public KeyRing(Vertx vertx, Db db, AeadKey sealing, TransparencyLog translog) {
    this.vertx = vertx;
    this.db = db;
    this.sealing = sealing;
    this.translog = translog;
  }

  /** Makes the root and log keys if this is the first start, loads the snapshot, follows changes. */
  public Future<Void> start() {
    vertx.eventBus().consumer(CHANGED, msg -> reload());
    return ensure(StoredKey.Purpose.ROOT, MINISTRY)
        .compose(root -> ensure(StoredKey.Purpose.LOG, MINISTRY))
        .compose(x -> reload());
  }

  public Future<Void> reload() {
    return repo.all(db.pool()).map(keys -> {
      Map<String, StoredKey> map = new LinkedHashMap<>();
      keys.forEach(k -> map.put(k.kid(), k));
      byKid = Map.copyOf(map);
      return null;
    });
  }

  /** Every key in the snapshot, oldest first (insertion order is lost by Map.copyOf: callers sort). */
  public Collection<StoredKey> keys() {
    return byKid.values();
  }

  public Optional<StoredKey> key(String kid) {
    return Optional.ofNullable(byKid.get(kid));
  }

  public Future<SigningKey> root() {
    return ensure(StoredKey.Purpose.ROOT, MINISTRY);
  }

  public Future<SigningKey> logKey() {
    return ensure(StoredKey.Purpose.LOG, MINISTRY);
  }

  /** The key that signs attestations of units in this province; the root for the ministry itself. */
  public Future<SigningKey> issuerFor(String provinceCode) {
    return MINISTRY.equals(provinceCode) ? root() : ensure(StoredKey.Purpose.ISSUING, provinceCode);
  }

  /**
   * Retires the province's active issuing key (it keeps verifying) and makes a new certified one.
   *
   * @throws DomainError.NotFound when the province has no active key yet
   */
  public Future<StoredKey> rotate(String provinceCode, String actor) {
    return repo.active(db.pool(), StoredKey.Purpose.ISSUING, provinceCode)
        .compose(found -> {
          StoredKey old = found.orElseThrow(() -> new DomainError.NotFound(
              "Tỉnh " + provinceCode + " chưa có khóa ký / province " + provinceCode + " has no issuing key yet")).key();
          return root().compose(root -> {
            SigningKey fresh = Ed25519Keys.generate();
            return db.inTransaction(tx -> repo.retire(tx, old.kid())
                .compose(x -> translog.append(tx, event("retire-key", old).put("by", actor)))
                .compose(x -> insert(tx, StoredKey.Purpose.ISSUING, provinceCode, fresh, root)))
                .recover(e -> Future.failedFuture(
                    e instanceof io.vertx.pgclient.PgException pg
                        && java.util.Set.of("23505", "40P01", "40001").contains(pg.getSqlState())
                        ? new DomainError.Conflict("rotation-in-progress", "Khóa của tỉnh " + provinceCode
                            + " đang được thay, hãy thử lại / the province's key is being rotated, try again")
                        : e))
                .map(stored -> {
                  opened.put(fresh.kid(), fresh);
                  return stored;
                });
          });
        })
        .compose(this::announce);
  }

  /**
   * Revokes an issuing key: every attestation it signed stops verifying.
   *
   * @throws DomainError.NotFound for an unknown kid
   * @throws DomainError.Conflict {@code root-key} for the root or log key (replacing a root is a ceremony, not an API call)
   */
  public Future<StoredKey> revoke(String kid, String reason, String actor) {
    return repo.byKid(db.pool(), kid).compose(found -> {
      StoredKey key = found.orElseThrow(() -> new DomainError.NotFound("Không có khóa " + kid + " / no key " + kid)).key();
      if (key.purpose() != StoredKey.Purpose.ISSUING) {
        return Future.failedFuture(new DomainError.Conflict("root-key",
            "Không thu hồi khóa gốc qua API / the root and log keys are not revoked through the API"));
      }
      if (key.revoked()) {
        return Future.succeededFuture(key);
      }
      return db.inTransaction(tx -> repo.revoke(tx, kid, reason)
              .compose(x -> translog.append(tx, event("revoke-key", key).put("reason", reason).put("by", actor))))
          .compose(x -> repo.byKid(db.pool(), kid))
          .map(row -> {
            opened.remove(kid);
            return row.orElseThrow().key();
          })
          .compose(this::announce);
    });
  }

  private Future<StoredKey> announce(StoredKey key) {
    return reload().map(x -> {
      vertx.eventBus().publish(CHANGED, key.kid());
      return key;
    });
  }

  private Future<SigningKey> ensure(StoredKey.Purpose purpose, String tenantCode) {
    return repo.active(db.pool(), purpose, tenantCode).compose(found -> {
      if (found.isPresent()) {
        return Future.succeededFuture(open(found.get()));
      }
      Future<SigningKey> certifier = purpose == StoredKey.Purpose.ISSUING ? root() : Future.succeededFuture(null);
      return certifier.compose(root -> {
        SigningKey fresh = Ed25519Keys.generate();
        return db.inTransaction(tx -> insert(tx, purpose, tenantCode, fresh, root))
            .compose(this::announce)
            .map(stored -> {
              log.info("Created {} key {} for {}", purpose.id(), stored.kid(), tenantCode);
              opened.put(fresh.kid(), fresh);
              return fresh;
            })
            .recover(e -> e instanceof PgException pg && "23505".equals(pg.getSqlState())
                ? repo.active(db.pool(), purpose, tenantCode).map(again -> open(again.orElseThrow()))
                : Future.failedFuture(e));
      });
    });
  }

  private Future<StoredKey> insert(SqlConnection tx, StoredKey.Purpose purpose, String tenantCode, SigningKey key,
      SigningKey root) {
    String certificate = null;
    if (purpose == StoredKey.Purpose.ISSUING) {
      long now = Instant.now().getEpochSecond();
      certificate = new KeyCertificate(key.verifyingKey(), tenantCode, now, now + CERTIFICATE_VALIDITY.toSeconds()).sign(root);
    }
    StoredKey stored = new StoredKey(key.kid(), purpose, tenantCode, key.verifyingKey(), certificate,
        StoredKey.Status.ACTIVE, null, null, null, null);
    byte[] sealed = sealing.seal(key.rawPrivate(), aad(key.kid()));
    JsonObject event = event("add-key", stored);
    if (certificate != null) {
      event.put("cert", certificate);
    }
    return repo.insert(tx, stored, sealed)
        .compose(x -> translog.append(tx, event))
        .map(index -> stored);
  }

  private SigningKey open(KeyRepository.Row2 row) {
    return opened.computeIfAbsent(row.key().kid(),
        kid -> Ed25519Keys.signingKey(sealing.open(row.sealedPrivate(), aad(kid))));
  }

  private static JsonObject event(String op, StoredKey key) {
    return new JsonObject().put("op", op).put("kid", key.kid()).put("purpose", key.purpose().id())
        .put("tc", key.tenantCode())
        .put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(key.publicKey().raw()));
  }

  private static byte[] aad(String kid) {
    return ("signing-key:" + kid).getBytes(StandardCharsets.UTF_8);
  }
}
