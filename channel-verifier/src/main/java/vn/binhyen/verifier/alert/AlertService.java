package vn.binhyen.verifier.alert;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.binhyen.core.access.Action;
import vn.binhyen.core.access.Principal;
import vn.binhyen.core.audit.AuditEntry;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.tenant.Tenant;
import vn.binhyen.core.tenant.UnitLevel;
import vn.binhyen.verifier.keys.KeyRing;
import vn.binhyen.verifier.signing.SigningKey;
import vn.binhyen.verifier.translog.TransparencyLog;

/**
 * Issuing, updating and cancelling alerts. Each alert and each cancellation is signed with the
 * issuing unit's province key (the ministry's root for the ministry), appended to the transparency
 * log and audited in one transaction scoped to the issuing unit.
 *
 * <p>Who may issue for a unit: whoever may MANAGE it (its admins and those above, the ministry for
 * the country), and a ward's officers for their own ward (OPERATE on a commune-level unit).
 */
public final class AlertService {

  /** Most alerts one listing returns. */
  public static final int MAX_LIST = 200;

  private static final Logger log = LoggerFactory.getLogger(AlertService.class);

  private final Services services;
  private final KeyRing keys;
  private final TransparencyLog translog;
  private final AlertRepository alerts = new AlertRepository();
  private final AlertDeliveries deliveries;
  private final AlertImages images;

  public AlertService(Services services, KeyRing keys, TransparencyLog translog, AlertDeliveries deliveries) {
    this.services = services;
    this.images = new AlertImages(services);
    this.keys = keys;
    this.translog = translog;
    this.deliveries = deliveries;
  }

  public AlertDeliveries deliveries() {
    return deliveries;
  }

  public AlertImages images() {
    return images;
  }

  /**
   * Stores an image for an alert {@code unit} will issue (the same rule as issuing).
   *
   * @throws DomainError.Forbidden when the caller may not issue for this unit
   * @throws DomainError.Invalid {@code alert-image-size}, {@code alert-image-type}
   */
  public Future<AlertImage> uploadImage(Principal principal, Tenant unit, vn.binhyen.core.tips.attachments.Upload upload) {
    return mayIssue(principal, unit)
        .compose(allowed -> images.store(unit, principal.username(), upload))
        .onSuccess(i -> log.info("Alert image {} ({}, {} bytes) uploaded for {} by {}", i.sha256(), i.mediaType(),
            i.size(), unit.code(), principal.username()));
  }

  /**
   * Issues an alert of {@code issuer}, or, with {@code in.replaces()}, an update that cancels the
   * alert it replaces (signed and logged as {@code alert.cancel} with {@code replacedBy}).
   *
   * @throws DomainError.Forbidden when the caller may not issue for this unit
   * @throws DomainError.Invalid {@code alert-scope-unknown}, {@code alert-scope-outside} for units
   *     in scope that do not exist or lie outside the issuer's subtree; {@code alert-replaces} when
   *     the replaced alert is not one of this unit's
   * @throws DomainError.Conflict {@code alert-not-active} when the replaced alert is already cancelled
   * @throws DomainError.Invalid {@code alert-image-unknown} for an image id no upload answered
   */
  public Future<Alert> issue(Principal principal, Tenant issuer, AlertInput in) {
    return mayIssue(principal, issuer)
        .compose(allowed -> images.resolve(in.images()))
        .compose(pictures -> scope(issuer, in)
            .compose(units -> keys.issuerFor(provinceOf(issuer))
                .compose(key -> services.db().inScope(issuer.path(),
                    tx -> issueIn(tx, principal, issuer, in, units, pictures, key)))))
        .compose(alert -> translog.publishHead().otherwiseEmpty().map(alert))
        .onSuccess(alert -> services.outbox().kick())
        .onSuccess(alert -> log.info("Alert {} issued by {} ({}) for {} by {}", alert.id(), issuer.code(),
            issuer.path(), alert.scopeCodes(), principal.username()));
  }

  /** Signs, logs, stores and audits the alert (and the cancellation of the one it replaces), in {@code tx}. */
  private Future<Alert> issueIn(SqlConnection tx, Principal principal, Tenant issuer, AlertInput in, List<Tenant> units,
      List<AlertImage> pictures, SigningKey key) {
    String id = AlertTokens.newId();
    long iat = Instant.now().getEpochSecond();
    long exp = iat + Duration.ofHours(in.validHours()).toSeconds();
    List<String> codes = units.stream().map(Tenant::code).toList();
    String token = AlertTokens.sign(AlertTokens.alertClaims(id, issuer.code(), issuer.name(), iat, exp, in, codes, pictures), key);
    String actor = principal.username();
    return replaced(tx, issuer, in.replaces())
        .compose(x -> translog.append(tx, new JsonObject().put("op", "alert.issue").put("id", id).put("kid", key.kid())
            .put("tc", issuer.code()).put("token", token).put("by", actor)))
        .compose(index -> {
          Alert alert = new Alert(id, issuer.id(), issuer.path(), issuer.code(), issuer.name(), in.title(), in.body(),
              in.titleEn(), in.bodyEn(), in.severity(), in.category(), in.subtree(), codes,
              units.stream().map(Tenant::path).toList(), units.stream().map(Tenant::name).toList(), in.replaces(),
              key.kid(), token, index, Instant.ofEpochSecond(iat), Instant.ofEpochSecond(exp), actor, null, null, null,
              null, null, pictures);
          return alerts.insert(tx, alert).compose(x -> deliveries.enqueue(tx, alert)).map(alert);
        })
        .compose(alert -> in.replaces() == null ? Future.succeededFuture(alert)
            : cancelIn(tx, issuer, in.replaces(), "updated", id, key, actor).map(alert))
        .compose(alert -> audit(tx, principal, issuer, in.replaces() == null ? "alert.issue" : "alert.update", alert.id(),
            new JsonObject().put("title", in.title()).put("severity", in.severity().id()).put("scope", codes)
                .put("replaces", in.replaces()).put("logIndex", alert.logIndex())).map(alert));
  }

  /**
   * Cancels one of {@code issuer}'s alerts with a signed, logged cancellation.
   *
   * @throws DomainError.NotFound when the unit issued no alert with this id
   * @throws DomainError.Conflict {@code alert-not-active} when it is cancelled already
   */
  public Future<Alert> cancel(Principal principal, Tenant issuer, String id, String reason) {
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    return mayIssue(principal, issuer)
        .compose(allowed -> keys.issuerFor(provinceOf(issuer)))
        .compose(key -> services.db().inScope(issuer.path(), tx -> cancelIn(tx, issuer, id, why, null, key, principal.username())
            .compose(x -> audit(tx, principal, issuer, "alert.cancel", id, new JsonObject().put("reason", why)))))
        .compose(x -> translog.publishHead().otherwiseEmpty())
        .compose(x -> byId(id));
  }

  /** The unit's alerts for its staff: issued by it, and meant for it from above. */
  public Future<List<Alert>> forStaff(Tenant unit, int limit) {
    return alerts.forStaff(services.db().pool(), unit.path(), ancestry(unit.path()), Math.min(limit, MAX_LIST));
  }

  /** The current (unexpired, not cancelled) alerts meant for the unit: its own and its ancestors'. */
  public Future<List<Alert>> currentFor(Tenant unit) {
    return alerts.currentFor(services.db().pool(), ancestry(unit.path()), MAX_LIST);
  }

  /** @throws DomainError.NotFound for an unknown id */
  public Future<Alert> byId(String id) {
    return alerts.byId(services.db().pool(), id).map(found -> found.orElseThrow(() -> new DomainError.NotFound(
        "Không có cảnh báo " + id + " / no alert " + id)));
  }

  private Future<Void> mayIssue(Principal p, Tenant unit) {
    boolean manages = services.policy().allows(p, unit.path(), Action.MANAGE);
    boolean wardOfficer = unit.level() == UnitLevel.COMMUNE && services.policy().allows(p, unit.path(), Action.OPERATE);
    if (manages || wardOfficer) {
      return Future.succeededFuture();
    }
    return Future.failedFuture(new DomainError.Forbidden("Tài khoản " + p.username() + " không được phát cảnh báo thay "
          + unit.name() + ": cán bộ xã/phường phát cho xã/phường mình, quản trị đơn vị cho đơn vị mình và cấp dưới / "
          + p.username() + " may not issue alerts for " + unit.code()
          + ": ward officers issue for their own ward, unit admins for their unit and the units below it"));
  }

  /** The units in scope: the issuer for "subtree", else each listed unit, which must lie in the issuer's subtree. */
  private Future<List<Tenant>> scope(Tenant issuer, AlertInput in) {
    if (in.subtree()) {
      return Future.succeededFuture(List.of(issuer));
    }
    List<Future<Tenant>> found = new ArrayList<>();
    for (String code : in.scopeCodes()) {
      found.add(services.tenantDirectory().byCode(code)
          .recover(e -> Future.failedFuture(e instanceof DomainError.NotFound
              ? new DomainError.Invalid("alert-scope-unknown", "Không có đơn vị mã " + code
                  + " trong phạm vi / no unit has the code " + code)
              : e))
          .map(unit -> {
            if (!issuer.contains(unit.path())) {
              throw new DomainError.Invalid("alert-scope-outside", "Đơn vị " + unit.name() + " (" + code
                  + ") không thuộc " + issuer.name() + "; chỉ phát cảnh báo cho đơn vị mình và cấp dưới / unit "
                  + code + " is outside " + issuer.code() + "'s subtree: an alert is only for the issuer's own units");
            }
            return unit;
          }));
    }
    return Future.all(found).map(all -> all.<Tenant>list());
  }

  private Future<Void> replaced(SqlConnection tx, Tenant issuer, String replaces) {
    if (replaces == null) {
      return Future.succeededFuture();
    }
    return alerts.lock(tx, replaces).map(found -> {
      Alert old = found.filter(a -> a.tenantCode().equals(issuer.code())).orElseThrow(() -> new DomainError.Invalid(
          "alert-replaces", "Cảnh báo " + replaces + " không phải của " + issuer.name()
              + " nên không cập nhật được / alert " + replaces + " was not issued by unit " + issuer.code()));
      if (old.cancelledAt() != null) {
        throw notActive(replaces);
      }
      return null;
    });
  }

  private Future<Void> cancelIn(SqlConnection tx, Tenant issuer, String id, String reason, String replacedBy,
      SigningKey key, String actor) {
    return alerts.lock(tx, id).compose(found -> {
      Alert old = found.filter(a -> a.tenantCode().equals(issuer.code())).orElseThrow(() -> new DomainError.NotFound(
          "Đơn vị " + issuer.code() + " không có cảnh báo " + id + " / unit " + issuer.code() + " issued no alert " + id));
      if (old.cancelledAt() != null) {
        return Future.failedFuture(notActive(id));
      }
      JsonObject claims = AlertTokens.cancelClaims(issuer.code(), id, Instant.now().getEpochSecond(), reason, replacedBy);
      String token = AlertTokens.sign(claims, key);
      return translog.append(tx, new JsonObject().put("op", "alert.cancel").put("id", id).put("jti", claims.getString("jti"))
              .put("kid", key.kid()).put("tc", issuer.code()).put("token", token).put("reason", reason)
              .put("replacedBy", replacedBy).put("by", actor))
          .compose(index -> alerts.cancel(tx, id, reason, replacedBy, token, index))
          .compose(done -> done ? deliveries.cancelPending(tx, id).<Void>mapEmpty() : Future.failedFuture(notActive(id)));
    });
  }

  private static DomainError notActive(String id) {
    return new DomainError.Conflict("alert-not-active", "Cảnh báo " + id
        + " đã bị huỷ hoặc đã được cập nhật / alert " + id + " is already cancelled or updated");
  }

  private Future<Void> audit(SqlConnection tx, Principal p, Tenant issuer, String action, String id, JsonObject after) {
    return services.audit().append(tx, new AuditEntry(p.userId(), p.username(), issuer.path(), action, "alert:" + id,
        null, after, null));
  }

  /** The key that signs for this unit: its province's issuing key, the root for the ministry. */
  static String provinceOf(Tenant unit) {
    String[] path = unit.path().split("/");
    return path.length >= 2 ? path[1] : KeyRing.MINISTRY;
  }

  /** The path and every path above it: "BCA/01/00004" → BCA, BCA/01, BCA/01/00004. */
  static List<String> ancestry(String path) {
    List<String> out = new ArrayList<>();
    String[] parts = path.split("/");
    StringBuilder p = new StringBuilder();
    for (String part : parts) {
      p.append(p.length() == 0 ? "" : "/").append(part);
      out.add(p.toString());
    }
    return out;
  }
}
