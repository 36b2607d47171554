package vn.binhyen.verifier.attest;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.binhyen.core.access.Action;
import vn.binhyen.core.access.Principal;
import vn.binhyen.core.audit.AuditEntry;
import vn.binhyen.core.channel.Channel;
import vn.binhyen.core.channel.ChannelRef;
import vn.binhyen.core.channel.ChannelRepository;
import vn.binhyen.core.channel.ChannelStatus;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.module.Services;
import vn.binhyen.verifier.keys.KeyRing;
import vn.binhyen.verifier.registry.RegistryEntry;
import vn.binhyen.verifier.registry.VerificationRegistry;
import vn.binhyen.verifier.signing.Attestation;
import vn.binhyen.verifier.signing.SigningKey;
import vn.binhyen.verifier.translog.TransparencyLog;

/**
 * Issuing and revoking attestations, and suspending or revoking channels. Each change, its
 * transparency-log leaves and its audit entry commit in one transaction scoped to the channel's
 * unit; then every node's registry is told. Callers are checked with MANAGE on the channel's unit;
 * {@code principal == null} means the platform itself (an approval event, the demo seeding).
 */
public final class AttestationService {

  /** How long an attestation is valid; the unit re-issues (or the platform does) before it ends. */
  public static final Duration VALIDITY = Duration.ofDays(365);
  // Held until the issuing transaction ends: one issuance at a time per channel.
  private static final String LOCK_CHANNEL = "SELECT pg_advisory_xact_lock(7001, ($1::bigint % 2147483647)::int)";
  /** The scope of the platform's own actions: the whole country. */
  static final String SYSTEM_SCOPE = KeyRing.MINISTRY;

  private static final Logger log = LoggerFactory.getLogger(AttestationService.class);

  private final Services services;
  private final KeyRing keys;
  private final TransparencyLog translog;
  private final VerificationRegistry registry;
  private final ChannelRepository channels = new ChannelRepository();
  private final AttestationRepository attestations = new AttestationRepository();

  public AttestationService(Services services, KeyRing keys, TransparencyLog translog, VerificationRegistry registry) {
    this.services = services;
    this.keys = keys;
    this.translog = translog;
    this.registry = registry;
  }

  /**
   * Marks the channel verified and issues its attestation, revoking (as superseded) any earlier one.
   *
   * @throws DomainError.NotFound when the caller cannot see the channel
   * @throws DomainError.Forbidden without MANAGE on the channel's unit
   * @throws DomainError.Conflict {@code channel-archived} for an archived channel
   */
  public Future<RegistryEntry> issue(Principal principal, long channelId, String actor) {
    return issue(principal, channelId, actor, false).map(issued -> issued.orElseThrow());
  }

  /**
   * Issues under a per-channel lock held for the transaction; with {@code onlyIfMissing}, does
   * nothing (empty) when the channel already has a current attestation, checked under that lock,
   * so two deliveries of the same work racing each other issue once.
   */
  private Future<java.util.Optional<RegistryEntry>> issue(Principal principal, long channelId, String actor,
      boolean onlyIfMissing) {
    return load(principal, channelId).compose(channel -> {
      if (channel.archived()) {
        return Future.failedFuture(new DomainError.Conflict("channel-archived",
            "Trang/nhóm đã lưu trữ / the channel is archived"));
      }
      String[] path = channel.tenantPath().split("/");
      String tenantCode = path[path.length - 1];
      String province = path.length >= 2 ? path[1] : KeyRing.MINISTRY;
      registry.rememberPath(tenantCode, channel.tenantPath());
      return services.tenantDirectory().byCode(tenantCode)
          .compose(tenant -> keys.issuerFor(province).compose(key -> services.db().inScope(channel.tenantPath(), tx ->
              tx.preparedQuery(LOCK_CHANNEL).execute(io.vertx.sqlclient.Tuple.of(channelId))
                  .compose(locked -> onlyIfMissing ? attestations.hasCurrent(tx, channelId, tenantCode)
                      : Future.succeededFuture(false))
                  .compose(current -> current ? Future.succeededFuture((String) null)
                      : channels.setStatus(tx, channelId, ChannelStatus.VERIFIED, null)
                          .compose(x -> supersede(tx, channelId, "superseded", actor))
                          .compose(x -> sign(tx, channel, tenantCode, tenant.name(), key, actor))))))
          .compose(jti -> jti == null ? Future.succeededFuture(java.util.Optional.<RegistryEntry>empty())
              : announce(channel).map(entry -> {
                log.info("Issued attestation {} for channel {} ({}) by {}", entry.jti(), channelId,
                    entry.normalizedId(), actor);
                return java.util.Optional.of(entry);
              }));
    });
  }

  /**
   * Suspends or revokes a channel (its attestation is revoked and logged), or makes it verified
   * again (a new attestation).
   */
  public Future<RegistryEntry> setStatus(Principal principal, long channelId, ChannelStatus status, String reason,
      String actor) {
    if (status == ChannelStatus.VERIFIED) {
      return issue(principal, channelId, actor);
    }
    if (status == ChannelStatus.PENDING) {
      return Future.failedFuture(new DomainError.Invalid("bad-status",
          "Chỉ đình chỉ, thu hồi hoặc xác minh lại / only suspended, revoked or verified"));
    }
    return load(principal, channelId).compose(channel -> services.db().inScope(channel.tenantPath(), tx ->
            channels.setStatus(tx, channelId, status, reason)
                .compose(x -> supersede(tx, channelId, status.id() + (reason == null ? "" : ": " + reason), actor))
                .compose(x -> audit(tx, principal, channel, "channel." + status.id(), new JsonObject().put("reason", reason))))
        .compose(x -> announce(channel)));
  }

  /**
   * Revokes one attestation (the channel keeps its status and needs a new one).
   *
   * @throws DomainError.NotFound for an unknown jti
   */
  public Future<RegistryEntry> revoke(Principal principal, String jti, String reason, String actor) {
    return attestations.byJti(services.db().pool(), jti)
        .map(found -> found.orElseThrow(() -> new DomainError.NotFound("Không có chứng thực " + jti + " / no attestation " + jti)))
        .compose(stored -> load(principal, stored.channelId()).compose(channel -> services.db().inScope(channel.tenantPath(), tx ->
                attestations.revoke(tx, jti, reason)
                    .compose(done -> done ? logRevocation(tx, jti, reason, actor).mapEmpty() : Future.<Void>succeededFuture())
                    .compose(x -> audit(tx, principal, channel, "attestation.revoke", new JsonObject().put("jti", jti).put("reason", reason))))
            .compose(x -> announce(channel))));
  }

  /** After a reorganisation: a verified channel gets an attestation naming its current unit. */
  public Future<Void> reissueIfVerified(long channelId, String actor) {
    return load(null, channelId).compose(channel -> channel.status() == ChannelStatus.VERIFIED
        ? issue(null, channelId, actor).<Void>mapEmpty()
        : Future.<Void>succeededFuture());
  }

  /**
   * Idempotent repair, for work delivered at least once (approvals and re-issues from the outbox,
   * the sweeper): a verified, unarchived channel without a current attestation (unrevoked,
   * unexpired, naming its unit as it is now) gets one; anything else is left as it is. Says
   * whether it issued.
   */
  public Future<Boolean> ensureCurrent(long channelId, String actor) {
    return load(null, channelId).compose(channel -> {
      if (channel.status() != ChannelStatus.VERIFIED || channel.archived()) {
        return Future.succeededFuture(false);
      }
      return attestations.hasCurrent(services.db().pool(), channelId, unitCode(channel))
          .compose(current -> current ? Future.succeededFuture(false)
              : issue(null, channelId, actor, true).map(issued -> issued.isPresent()));
    });
  }

  /** Current (unrevoked, unexpired) attestations per signing key id. */
  public Future<java.util.Map<String, Long>> currentByKey() {
    return attestations.currentByKid(services.db().pool());
  }

  /** Verified channels that have no current attestation now (at most {@code limit}). */
  public Future<List<Long>> verifiedWithoutCurrent(int limit) {
    return attestations.verifiedWithoutCurrent(services.db().pool(), limit);
  }

  private static String unitCode(Channel channel) {
    String[] path = channel.tenantPath().split("/");
    return path[path.length - 1];
  }

  /** Re-issues every channel whose current attestation was signed by {@code kid} (after its revocation). */
  public Future<Integer> reissueSignedBy(String kid, String actor) {
    return attestations.channelsSignedBy(services.db().pool(), kid).compose(ids -> {
      Future<Integer> chain = Future.succeededFuture(0);
      for (Long id : ids) {
        chain = chain.compose(n -> issue(null, id, actor).map(x -> n + 1));
      }
      return chain;
    });
  }

  /** A channel the caller may MANAGE, read inside the caller's scope (the platform's: everything). */
  private Future<Channel> load(Principal principal, long channelId) {
    String scope = principal == null ? SYSTEM_SCOPE : principal.scopePath();
    return services.db().inScope(scope, tx -> channels.findById(tx, channelId)).map(found -> {
      Channel channel = found.orElseThrow(() -> new DomainError.NotFound(
          "Không có trang/nhóm #" + channelId + " / no channel #" + channelId));
      if (principal != null) {
        services.policy().check(principal, channel.tenantPath(), Action.MANAGE);
      }
      return channel;
    });
  }

  private Future<String> sign(SqlConnection tx, Channel channel, String tenantCode, String tenantName, SigningKey key,
      String actor) {
    long now = Instant.now().getEpochSecond();
    Attestation attestation = Attestation.issue(String.valueOf(channel.id()),
        new ChannelRef(channel.platform(), channel.normalizedId()), channel.displayName(),
        tenantCode, tenantName, now, now + VALIDITY.toSeconds());
    String token = attestation.sign(key);
    JsonObject event = new JsonObject().put("op", "issue").put("jti", attestation.jti()).put("kid", key.kid())
        .put("cid", attestation.channelId()).put("tc", tenantCode).put("token", token).put("by", actor);
    return translog.append(tx, event)
        .compose(index -> attestations.insert(tx, channel.id(), attestation.jti(), key.kid(), tenantCode, token,
            attestation.issuedAt(), attestation.expiresAt(), index))
        .compose(x -> audit(tx, null, channel, "attestation.issue", new JsonObject().put("jti", attestation.jti())
            .put("kid", key.kid()).put("by", actor)))
        .map(x -> attestation.jti());
  }

  private Future<Void> supersede(SqlConnection tx, long channelId, String reason, String actor) {
    return attestations.currentOf(tx, channelId).compose(jtis -> {
      Future<Void> chain = Future.succeededFuture();
      for (String jti : jtis) {
        chain = chain.compose(x -> attestations.revoke(tx, jti, reason))
            .compose(x -> logRevocation(tx, jti, reason, actor)).mapEmpty();
      }
      return chain;
    });
  }

  private Future<Long> logRevocation(SqlConnection tx, String jti, String reason, String actor) {
    return translog.append(tx, new JsonObject().put("op", "revoke").put("jti", jti).put("reason", reason).put("by", actor));
  }

  private Future<Void> audit(SqlConnection tx, Principal principal, Channel channel, String action, JsonObject after) {
    return services.audit().append(tx, new AuditEntry(principal == null ? null : principal.userId(),
        principal == null ? "system" : principal.username(), channel.tenantPath(), action,
        "channel:" + channel.id(), null, after, null));
  }

  private Future<RegistryEntry> announce(Channel channel) {
    return registry.changed(channel.id(), channel.normalizedId())
        .compose(x -> translog.publishHead().otherwiseEmpty())
        .map(x -> registry.byId(channel.id()).orElseThrow(() -> new DomainError.NotFound("channel #" + channel.id())));
  }
}
