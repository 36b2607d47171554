package vn.binhyen.verifier.offline;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import vn.binhyen.verifier.keys.KeyRing;
import vn.binhyen.verifier.keys.StoredKey;
import vn.binhyen.verifier.registry.VerificationRegistry;
import vn.binhyen.verifier.signing.CompactJws;
import vn.binhyen.verifier.signing.KeyCertificate;

/**
 * Builds and signs the trust list from this node's in-memory key ring and registry (no database
 * query). The signed list is a copy of that state: it is re-signed as soon as its content differs
 * from the last one signed, and at least every {@link #RESIGN_SECONDS}, so its date stays recent.
 */
public final class TrustListService {

  /** A list whose content has not changed is re-signed (with a new date) after this long. */
  static final long RESIGN_SECONDS = 3600;

  private final KeyRing keys;
  private final VerificationRegistry registry;
  private final Clock clock;
  private final AtomicReference<Signed> last = new AtomicReference<>();

  /** The signed token and the content (claims without dates) it was made from. */
  public record Signed(String token, TrustList list, String content) {}

  public TrustListService(KeyRing keys, VerificationRegistry registry, Clock clock) {
    this.keys = keys;
    this.registry = registry;
    this.clock = clock;
  }

  /** The current signed list. Fails when there is no active root key or it cannot be opened. */
  public Future<Signed> current() {
    long now = clock.instant().getEpochSecond();
    TrustList list;
    try {
      list = build(now);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    String content = content(list);
    Signed previous = last.get();
    if (previous != null && previous.content().equals(content) && now - previous.list().issuedAt() < RESIGN_SECONDS) {
      return Future.succeededFuture(previous);
    }
    return keys.root().map(root -> {
      Signed fresh = new Signed(list.sign(root), list, content);
      last.set(fresh);
      return fresh;
    });
  }

  TrustList build(long now) {
    List<StoredKey> all = new ArrayList<>(keys.keys());
    all.sort(Comparator.comparing((StoredKey k) -> k.purpose().ordinal()).thenComparing(StoredKey::tenantCode)
        .thenComparing(StoredKey::kid));
    TrustList.Key root = null;
    List<TrustList.Key> usable = new ArrayList<>();
    List<TrustList.RevokedKey> revoked = new ArrayList<>();
    for (StoredKey k : all) {
      if (k.purpose() == StoredKey.Purpose.LOG) {
        continue;
      }
      if (k.revoked()) {
        revoked.add(new TrustList.RevokedKey(k.kid(), k.revokedAt() == null ? now : k.revokedAt().toEpochSecond()));
        continue;
      }
      String x = TrustList.b64(k.publicKey().raw());
      if (k.purpose() == StoredKey.Purpose.ROOT) {
        TrustList.Key key = new TrustList.Key(k.kid(), x, "root", k.tenantCode(), k.status().id(), null, null);
        if (k.status() == StoredKey.Status.ACTIVE) {
          root = key;
        }
        usable.add(key);
      } else if (k.certificate() != null) {
        KeyCertificate cert = KeyCertificate.fromClaims(CompactJws.parse(k.certificate()).payload());
        usable.add(new TrustList.Key(k.kid(), x, "issuing", cert.tenantCode(), k.status().id(),
            cert.notBefore(), cert.expiresAt()));
      }
    }
    if (root == null) {
      throw new IllegalStateException("no active root key in the key ring");
    }
    return new TrustList(now, now + TrustList.VALIDITY_SECONDS, root, usable, revoked,
        registry.revokedUnexpired(now), registry.unitPaths());
  }

  private static String content(TrustList list) {
    return list.claims().put("iat", 0).put("exp", 0).encode();
  }
}
