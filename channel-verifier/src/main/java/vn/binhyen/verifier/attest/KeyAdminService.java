package vn.binhyen.verifier.attest;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.binhyen.core.access.Action;
import vn.binhyen.core.access.Principal;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.tenant.UnitLevel;
import vn.binhyen.verifier.keys.KeyRing;
import vn.binhyen.verifier.keys.StoredKey;

/**
 * Key rotation and revocation: the ministry admin's (MANAGE on the ministry, BCA). Revoking an
 * issuing key re-issues, with a fresh key, the current attestations it signed.
 */
public final class KeyAdminService {

  /** What a key revocation did. */
  public record Revoked(StoredKey key, int reissued) {}

  private final Services services;
  private final KeyRing keys;
  private final AttestationService attestations;

  public KeyAdminService(Services services, KeyRing keys, AttestationService attestations) {
    this.services = services;
    this.keys = keys;
    this.attestations = attestations;
  }

  /**
   * @throws DomainError.Forbidden unless the caller manages the ministry
   * @throws DomainError.NotFound for an unknown province or one without a key yet
   */
  public Future<StoredKey> rotate(Principal principal, String provinceCode) {
    return ministryOnly(principal)
        .compose(x -> services.tenantDirectory().byCode(provinceCode))
        .compose(unit -> unit.level() != UnitLevel.PROVINCE
            ? Future.failedFuture(new DomainError.Invalid("not-a-province",
                "Chỉ tỉnh/thành phố có khoá ký riêng / only provinces have their own issuing key"))
            : keys.rotate(provinceCode, principal.username()));
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
  public Future<List<KeyUse>> list(Principal principal) {
    return ministryOnly(principal).compose(x -> attestations.currentByKey()).map(counts -> {
      List<KeyUse> out = new ArrayList<>();
      keys.keys().stream()
          .sorted(Comparator.comparing((StoredKey k) -> k.purpose().ordinal()).thenComparing(StoredKey::tenantCode)
              .thenComparing(k -> k.status().ordinal()).thenComparing(StoredKey::createdAt, Comparator.reverseOrder()))
          .forEach(k -> out.add(new KeyUse(k, counts.getOrDefault(k.kid(), 0L))));
      return out;
    });
  }

  private Future<Void> ministryOnly(Principal principal) {
    return services.tenantDirectory().byCode(KeyRing.MINISTRY).map(ministry -> {
      services.policy().check(principal, ministry.path(), Action.MANAGE);
      return null;
    });
  }
}
