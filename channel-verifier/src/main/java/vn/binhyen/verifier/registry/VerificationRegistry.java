package vn.binhyen.verifier.registry;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.binhyen.core.channel.ChannelEvents;
import vn.binhyen.core.db.Db;

/**
 * Every published channel, by normalised id and by id, and every attestation id with its log
 * index and revocation, held in memory on each node: the public verification path never touches
 * the database. Loaded at start; a change on any node is announced on {@link ChannelEvents#CHANGED}
 * (clustered event bus) and every node reloads that one channel, within milliseconds.
 */
public final class VerificationRegistry {

  private static final Logger log = LoggerFactory.getLogger(VerificationRegistry.class);

  private final Vertx vertx;
  private final Db db;
  private final RegistryRepository repo = new RegistryRepository();
  private final Map<String, RegistryEntry> byNormalizedId = new ConcurrentHashMap<>();
  private final Map<Long, RegistryEntry> byId = new ConcurrentHashMap<>();
  private final Map<String, RegistryRepository.JtiInfo> jtis = new ConcurrentHashMap<>();
  private final Map<String, String> pathByCode = new ConcurrentHashMap<>();
  /** Reloads of one channel may finish out of order (pool connections): only the latest started one applies. */
  private final java.util.concurrent.atomic.AtomicLong tickets = new java.util.concurrent.atomic.AtomicLong();
  private final Map<Long, Long> appliedTicket = new ConcurrentHashMap<>();

  public VerificationRegistry(Vertx vertx, Db db) {
    this.vertx = vertx;
    this.db = db;
  }

  /** How often each node compares its copy with the database (anti-entropy). */
  public static final java.time.Duration SYNC_PERIOD = java.time.Duration.ofSeconds(4);
  private final java.util.concurrent.atomic.AtomicReference<String> fingerprint =
      new java.util.concurrent.atomic.AtomicReference<>("");

  public Future<Void> start() {
    vertx.setPeriodic(SYNC_PERIOD.toMillis(), t -> resync()
        .onFailure(e -> log.warn("Registry resync failed: {}", e.getMessage())));
    vertx.eventBus().<JsonObject>consumer(ChannelEvents.CHANGED, msg -> {
      Object id = msg.body() == null ? null : msg.body().getValue("channelId");
      if (id instanceof Number n) {
        refresh(n.longValue()).onFailure(e -> log.warn("Registry refresh of channel {} failed: {}", n, e.getMessage()));
      }
    });
    return resync();
  }

  /**
   * Compares this node's copy with the database and reloads everything when they differ, so a
   * node that missed a cluster message (frozen, partitioned) catches up within one period.
   */
  public Future<Void> resync() {
    return repo.fingerprint(db.pool()).compose(f -> f.equals(fingerprint.get())
        ? Future.<Void>succeededFuture()
        : load(null));
  }

  /** Reloads one channel from the database on this node only. */
  public Future<Void> refresh(long channelId) {
    return load(channelId);
  }

  /** Reloads the channel here, then tells every other node to do the same. */
  public Future<Void> changed(long channelId, String normalizedId) {
    return refresh(channelId).map(x -> {
      vertx.eventBus().publish(ChannelEvents.CHANGED,
          new JsonObject().put("channelId", channelId).put("normalizedId", normalizedId));
      return null;
    });
  }

  public Optional<RegistryEntry> byNormalizedId(String normalizedId) {
    return Optional.ofNullable(byNormalizedId.get(normalizedId));
  }

  public Optional<RegistryEntry> byId(long channelId) {
    return Optional.ofNullable(byId.get(channelId));
  }

  /** A unit's published channels, by platform and name. */
  public List<RegistryEntry> byUnit(String tenantCode) {
    List<RegistryEntry> out = new ArrayList<>();
    byId.values().forEach(e -> {
      if (e.tenantCode().equals(tenantCode)) {
        out.add(e);
      }
    });
    out.sort(Comparator.comparing((RegistryEntry e) -> e.platform().ordinal()).thenComparing(RegistryEntry::displayName));
    return out;
  }

  /** Every published channel (for name matching). */
  public java.util.Collection<RegistryEntry> all() {
    return byId.values();
  }

  public boolean isAttestationRevoked(String jti) {
    var info = jtis.get(jti);
    return info != null && info.revoked();
  }

  /**
   * The revoked attestations that have not expired yet at {@code nowEpochSeconds}, by jti, with
   * their expiry (an expired token fails on its own, so the published revocation list omits it).
   */
  public java.util.SortedMap<String, Long> revokedUnexpired(long nowEpochSeconds) {
    java.util.SortedMap<String, Long> out = new java.util.TreeMap<>();
    jtis.forEach((jti, info) -> {
      if (info.revoked() && info.expiresAtEpoch() > nowEpochSeconds) {
        out.put(jti, info.expiresAtEpoch());
      }
    });
    return out;
  }

  /** The paths of every unit that owns a published channel, by unit code. */
  public java.util.SortedMap<String, String> unitPaths() {
    return new java.util.TreeMap<>(pathByCode);
  }

  public Optional<Long> logIndexOf(String jti) {
    return Optional.ofNullable(jtis.get(jti)).map(RegistryRepository.JtiInfo::logIndex);
  }

  /** The path of a unit that owns a published channel, if known. */
  public Optional<String> pathOf(String tenantCode) {
    return Optional.ofNullable(pathByCode.get(tenantCode));
  }

  /** Records a unit's path (the issuing service knows it before the first channel is published). */
  public void rememberPath(String tenantCode, String path) {
    pathByCode.put(tenantCode, path);
  }

  /** Whether {@code ticket} is the newest reload of the channel to finish so far (and records it). */
  private boolean newest(long channelId, long ticket) {
    long[] won = {0};
    appliedTicket.compute(channelId, (id, applied) -> {
      if (applied == null || applied < ticket) {
        won[0] = 1;
        return ticket;
      }
      return applied;
    });
    return won[0] == 1;
  }

  /**
   * Applies one snapshot. A reload of one channel applies only if no later-started reload of it
   * has applied; a full reload skips (keeps or does not remove) every channel that a later-started
   * reload of that channel has already applied, so an older full read never undoes a newer one.
   */
  private Future<Void> load(Long channelId) {
    long ticket = tickets.incrementAndGet();
    return repo.snapshot(db.pool(), channelId).map(snap -> {
      if (channelId != null) {
        if (!newest(channelId, ticket)) {
          return null;
        }
        if (snap.entries().isEmpty()) {
          RegistryEntry old = byId.remove(channelId);
          if (old != null) {
            byNormalizedId.remove(old.normalizedId(), old);
          }
        }
      } else {
        java.util.Set<Long> present = new java.util.HashSet<>();
        snap.entries().forEach(e -> present.add(e.channelId()));
        byId.values().removeIf(old -> {
          boolean gone = !present.contains(old.channelId()) && newest(old.channelId(), ticket);
          if (gone) {
            byNormalizedId.remove(old.normalizedId(), old);
          }
          return gone;
        });
      }
      java.util.Set<Long> skipped = new java.util.HashSet<>();
      for (RegistryEntry e : snap.entries()) {
        if (channelId == null && !newest(e.channelId(), ticket)) {
          skipped.add(e.channelId());
          continue;
        }
        RegistryEntry old = byId.put(e.channelId(), e);
        if (old != null && !old.normalizedId().equals(e.normalizedId())) {
          byNormalizedId.remove(old.normalizedId(), old);
        }
        byNormalizedId.put(e.normalizedId(), e);
        pathByCode.put(e.tenantCode(), e.tenantPath());
      }
      for (int i = 0; i < snap.ids().size(); i++) {
        RegistryRepository.JtiInfo info = snap.infos().get(i);
        if (!skipped.contains(info.channelId())) {
          jtis.put(snap.ids().get(i), info);
        }
      }
      if (snap.fingerprint() != null) {
        fingerprint.set(skipped.isEmpty() ? snap.fingerprint() : "");
      }
      return null;
    });
  }
}
