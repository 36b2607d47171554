package vn.binhyen.verifier.attest;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.binhyen.core.access.Action;
import vn.binhyen.core.access.Principal;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.tenant.Tenant;
import vn.binhyen.core.tenant.UnitLevel;
import vn.binhyen.core.text.Bilingual;
import vn.binhyen.verifier.keys.KeyRing;
import vn.binhyen.verifier.keys.StoredKey;
import vn.binhyen.verifier.translog.LogMonitor;
import vn.binhyen.verifier.translog.TransparencyLog;

/**
 * The keys page's rules. The ministry admin (MANAGE on the ministry, BCA) sees every key, rotates
 * any province's key and revokes issuing keys; revoking re-issues, with a fresh key, the current
 * attestations the key signed. A province's admins (MANAGE on the province, checked by the scope
 * handler) see that province's issuing keys and rotate them; revocation stays with the ministry,
 * the root key's holder (docs/verification.md, "The keys page").
 */
public final class KeyAdminService {

  /** What a key revocation did. */
  public record Revoked(StoredKey key, int reissued) {}

  /** What this node's log monitor ({@link LogMonitor}) has seen: the last head it checked and its alerts. */
  public record MonitorStatus(boolean running, Long checkedSize, Instant checkedSignedAt, Instant lastRun, long alerts) {}

  /** The keys page: the keys in the caller's reach and the monitor's status. */
  public record KeyPage(List<KeyUse> keys, MonitorStatus monitor) {}

  private final Services services;
  private final KeyRing keys;
  private final AttestationService attestations;

  public KeyAdminService(Services services, KeyRing keys, AttestationService attestations) {
    this.services = services;
    this.keys = keys;
    this.attestations = attestations;
  }

  /**
   * Rotates the province's issuing key. The caller's MANAGE on {@code province} was checked by the
   * scope handler (the ministry's admins and the province's own); it is checked again here so no
   * other caller of this method skips it.
   *
   * @throws DomainError.Forbidden unless the caller manages the province
   * @throws DomainError.Invalid {@code not-a-province} for a unit that is not a province
   * @throws DomainError.NotFound for a province without a key yet
   */
  public Future<StoredKey> rotate(Principal principal, Tenant province) {
    return provinceOnly(principal, province)
        .compose(x -> keys.rotate(province.code(), principal.username()));
  }

  /**
   * The province's issuing keys (active, retired, revoked; newest first) with the current
   * attestations each signed, and the monitor's status.
   *
   * @throws DomainError.Forbidden unless the caller manages the province
   * @throws DomainError.Invalid {@code not-a-province} for a unit that is not a province
   */
  public Future<KeyPage> province(Principal principal, Tenant province) {
    return provinceOnly(principal, province).compose(x -> attestations.currentByKey()).map(counts -> {
      List<KeyUse> out = new ArrayList<>();
      keys.keys().stream()
          .filter(k -> k.purpose() == StoredKey.Purpose.ISSUING && province.code().equals(k.tenantCode()))
          .sorted(ORDER)
          .forEach(k -> out.add(new KeyUse(k, counts.getOrDefault(k.kid(), 0L))));
      return new KeyPage(out, monitor());
    });
  }

  /**
   * @throws DomainError.Forbidden unless the caller manages the ministry
   * @throws DomainError.NotFound for an unknown kid
   * @throws DomainError.Conflict {@code root-key} for the root or log key
   */
  public Future<Revoked> revoke(Principal principal, String kid, String reason) {
    return ministryOnly(principal)
        .compose(x -> keys.revoke(kid, reason, principal.username()))
        .compose(key -> attestations.reissueSignedBy(kid, principal.username()).map(n -> new Revoked(key, n)));
  }

  /** One key as the keys page shows it: the key and how many current attestations it signed. */
  public record KeyUse(StoredKey key, long currentAttestations) {}

  /**
   * Every key of the chain of trust (root, log, each province's issuing keys, retired and revoked
   * ones too), with the current attestations each signed: what a revocation would re-issue.
   *
   * @throws DomainError.Forbidden unless the caller manages the ministry
   */
  public Future<KeyPage> list(Principal principal) {
    return ministryOnly(principal).compose(x -> attestations.currentByKey()).map(counts -> {
      List<KeyUse> out = new ArrayList<>();
      keys.keys().stream()
          .sorted(ORDER)
          .forEach(k -> out.add(new KeyUse(k, counts.getOrDefault(k.kid(), 0L))));
      return new KeyPage(out, monitor());
    });
  }

  private static final Comparator<StoredKey> ORDER = Comparator.comparing((StoredKey k) -> k.purpose().ordinal())
      .thenComparing(StoredKey::tenantCode).thenComparing(k -> k.status().ordinal())
      .thenComparing(StoredKey::createdAt, Comparator.reverseOrder());

  private MonitorStatus monitor() {
    return services.find(LogMonitor.class).map(m -> {
      TransparencyLog.Head head = m.lastChecked();
      return new MonitorStatus(true, head == null ? null : head.size(), head == null ? null : head.signedAt(),
          m.lastRun(), m.alerts());
    }).orElse(new MonitorStatus(false, null, null, null, 0));
  }

  private Future<Void> provinceOnly(Principal principal, Tenant province) {
    services.policy().check(principal, province.path(), Action.MANAGE);
    if (province.level() != UnitLevel.PROVINCE) {
      return Future.failedFuture(new DomainError.Invalid("not-a-province", new Bilingual(
          "Chỉ tỉnh, thành phố có khóa ký riêng.", "Only provinces have their own issuing key.")));
    }
    return Future.succeededFuture();
  }

  private Future<Void> ministryOnly(Principal principal) {
    return services.tenantDirectory().byCode(KeyRing.MINISTRY).map(ministry -> {
      services.policy().check(principal, ministry.path(), Action.MANAGE);
      return null;
    });
  }
}
