package vn.binhyen.admin.users;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.List;
import vn.binhyen.admin.Audits;
import vn.binhyen.core.access.Action;
import vn.binhyen.core.access.Principal;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.identity.Role;
import vn.binhyen.core.identity.UserAccount;
import vn.binhyen.core.identity.UserRepository;
import vn.binhyen.core.identity.UserStore;
import vn.binhyen.core.identity.UserService.NewUser;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.tenant.Tenant;
import vn.binhyen.core.tenant.TenantCode;
import vn.binhyen.core.tenant.TenantRepository;
import vn.binhyen.core.tenant.UnitLevel;
import vn.binhyen.core.text.Fold;

/**
 * Users and onboarding within the caller's subtree: create (with a one-time set-up link), disable
 * (revoking every token cluster-wide), reset password, change role, and a new unit with its first
 * user. Every change is audited in its own transaction; forbidden or invalid requests write nothing.
 */
public final class UserAdminService {

  /** A user and the one-time link with which they set their password (shown once). */
  public record WithLink(UserAccount user, String setupLink, long linkValidSeconds) {}

  /** A new unit and its first user. */
  public record Onboarded(Tenant unit, WithLink firstUser) {}

  private final Services s;
  private final UserRepository users = new UserRepository();
  private final UserStore userStore = new UserStore();
  private final TenantRepository tenants = new TenantRepository();
  private final SetupTokens tokens;

  public UserAdminService(Services s, java.time.Duration linkTtl) {
    this.s = s;
    this.tokens = new SetupTokens(linkTtl);
  }

  /**
   * Creates a unit below {@code parent} and its first user in one transaction. Fails with Forbidden
   * (outside the subtree, or a role the caller may not grant), Invalid (code, level), Conflict.
   */
  public Future<Onboarded> onboard(Principal actor, Tenant parent, String code, String name,
      UnitLevel level, NewUser first) {
    try {
      s.policy().check(actor, parent.path(), Action.MANAGE);
      checkGrant(actor, first.role());
      TenantCode.check(code, level);
      String clean = Fold.nfc(name == null ? "" : name.strip());
      if (clean.isEmpty() || clean.length() > 200) {
        throw new DomainError.Invalid("bad-unit-name", "Tên đơn vị phải có 1–200 ký tự / a unit name needs 1–200 characters");
      }
      if (!level.mayBeUnder(parent.level())) {
        throw new DomainError.Invalid("level-order", "Không thể đặt đơn vị cấp " + level.vi()
            + " dưới đơn vị cấp " + parent.level().vi() + " / a " + level.id() + " cannot be placed under a "
            + parent.level().id());
      }
      return s.db().inScope(parent.path(), tx -> tenants.insert(tx, code, clean, level, parent, java.time.LocalDate.now())
              .compose(unit -> createIn(tx, actor, unit, first)
                  .compose(w -> s.audit().append(tx, Audits.entry(actor, unit.path(), "unit.onboard",
                          "unit:" + unit.code(), null, new JsonObject().put("code", unit.code())
                              .put("name", unit.name()).put("level", level.id()).put("parent", parent.code())
                              .put("firstUser", w.user().username())))
                      .map(x -> new Onboarded(unit, w)))))
          .onSuccess(o -> s.tenantDirectory().invalidate(o.unit().code()));
    } catch (DomainError e) {
      return Future.failedFuture(e);
    }
  }

  /** Creates a user of {@code unit} without a password and answers their set-up link. */
  public Future<WithLink> create(Principal actor, Tenant unit, NewUser user) {
    try {
      s.policy().check(actor, unit.path(), Action.MANAGE);
      checkGrant(actor, user.role());
      if (user.password() != null) {
        throw new DomainError.Invalid("password-not-allowed",
            "Người dùng tự đặt mật khẩu qua liên kết một lần / users set their own password via the one-time link");
      }
      return s.db().inScope(unit.path(), tx -> createIn(tx, actor, unit, user));
    } catch (DomainError e) {
      return Future.failedFuture(e);
    }
  }

  private Future<WithLink> createIn(SqlConnection tx, Principal actor, Tenant unit, NewUser user) {
    if (unit.level() == UnitLevel.MINISTRY && user.role() != Role.MINISTRY_ADMIN && user.role() != Role.SUPERVISOR) {
      return Future.failedFuture(new DomainError.Invalid("role-level",
          "Bộ chỉ có quản trị Bộ và lãnh đạo / the ministry has only ministry admins and supervisors"));
    }
    if (user.role() == Role.MINISTRY_ADMIN && unit.level() != UnitLevel.MINISTRY) {
      return Future.failedFuture(new DomainError.Invalid("role-level",
          "Quản trị Bộ phải thuộc Bộ / a ministry admin belongs to the ministry"));
    }
    return users.insert(tx, user.username().trim(), user.displayName().trim(), unit.id(), unit.path(), user.role(), null)
        .compose(u -> tokens.issue(tx, u.id(), u.tenantPath(), actor == null ? null : actor.userId())
            .compose(token -> s.audit().append(tx, Audits.entry(actor, unit.path(), "user.create",
                    "user:" + u.username(), null, userJson(u).put("unit", unit.code())))
                .map(x -> new WithLink(u, SetupTokens.link(token), tokens.ttl().toSeconds()))));
  }

  /** Users of a subtree (the caller must READ it). */
  public Future<List<UserAccount>> list(Principal actor, Tenant unit, int limit, int offset) {
    return s.users().list(actor, unit, limit, offset);
  }

  /** Disables or enables a user; disabling revokes every token at once, on every node. */
  public Future<UserAccount> setDisabled(Principal actor, long userId, boolean disabled) {
    return change(actor, userId, disabled ? "user.disable" : "user.enable", (tx, u) -> {
      if (u.id() == actor.userId()) {
        return Future.failedFuture(new DomainError.Invalid("cannot-disable-self",
            "Không thể tự khóa tài khoản của mình / you cannot disable yourself"));
      }
      return users.setDisabled(tx, u.id(), disabled).map(o -> o.orElseThrow());
    }).compose(u -> disabled ? s.auth().revokeUser(u.id()).map(u) : Future.succeededFuture(u));
  }

  /** Clears the password, signs the user out everywhere and answers a new one-time link. */
  public Future<WithLink> resetPassword(Principal actor, long userId) {
    String[] link = new String[1];
    return change(actor, userId, "user.reset-password", (tx, u) ->
            userStore.clearPassword(tx, u.id())
                .compose(x -> tokens.issue(tx, u.id(), u.tenantPath(), actor.userId()))
                .map(token -> {
                  link[0] = SetupTokens.link(token);
                  return u;
                }))
        .compose(u -> s.auth().revokeUser(u.id()).map(x -> new WithLink(u, link[0], tokens.ttl().toSeconds())));
  }

  /** Changes a user's role; their current tokens (which carry the old role) are revoked. */
  public Future<UserAccount> changeRole(Principal actor, long userId, Role role) {
    try {
      checkGrant(actor, role);
    } catch (DomainError e) {
      return Future.failedFuture(e);
    }
    return change(actor, userId, "user.change-role", (tx, u) -> {
      if (u.id() == actor.userId()) {
        return Future.failedFuture(new DomainError.Invalid("cannot-change-own-role",
            "Không thể tự đổi vai trò của mình / you cannot change your own role"));
      }
      if (u.role() == Role.MINISTRY_ADMIN && actor.role() != Role.MINISTRY_ADMIN) {
        return Future.failedFuture(forbiddenRole());
      }
      return users.setRole(tx, u.id(), role).map(o -> o.orElseThrow());
    }).compose(u -> s.auth().revokeUser(u.id()).map(u));
  }

  /** Sets a password with a one-time link; the link is spent even if it was the wrong user's. */
  public Future<UserAccount> redeem(String token, String password) {
    if (token == null || token.length() < 20 || token.length() > 100) {
      return Future.failedFuture(badLink());
    }
    if (password == null || password.length() < 10 || password.length() > 200) {
      return Future.failedFuture(new DomainError.Invalid("weak-password",
          "Mật khẩu cần 10–200 ký tự / a password needs 10–200 characters"));
    }
    return s.db().inTransaction(tx -> tokens.consume(tx, token))
        .compose(owner -> owner.isEmpty() ? Future.failedFuture(badLink())
            : s.users().setPassword(owner.get().tenantPath(), owner.get().userId(), password)
                .compose(u -> s.db().inScope(u.tenantPath(), tx -> s.audit().append(tx, new vn.binhyen.core.audit.AuditEntry(
                    u.id(), u.username(), u.tenantPath(), "user.set-password", "user:" + u.username(), null, null, null)))
                    .map(u)));
  }

  private interface Step {
    Future<UserAccount> apply(SqlConnection tx, UserAccount before);
  }

  /** Loads the user inside the caller's scope (outside it: NotFound), checks MANAGE, applies, audits. */
  private Future<UserAccount> change(Principal actor, long userId, String action, Step step) {
    return s.db().inScope(actor.scopePath(), tx -> users.findById(tx, userId).compose(found -> {
      UserAccount before = found.orElseThrow(() -> new DomainError.NotFound(
          "Không có người dùng #" + userId + " trong phạm vi quản lý / no user #" + userId + " in your scope"));
      s.policy().check(actor, before.tenantPath(), Action.MANAGE);
      return step.apply(tx, before).compose(after -> s.audit().append(tx, Audits.entry(actor,
              before.tenantPath(), action, "user:" + before.username(), userJson(before), userJson(after)))
          .map(after));
    }));
  }

  private static void checkGrant(Principal actor, Role role) {
    if (role == Role.MINISTRY_ADMIN && actor.role() != Role.MINISTRY_ADMIN) {
      throw forbiddenRole();
    }
  }

  private static DomainError forbiddenRole() {
    return new DomainError.Forbidden("Chỉ quản trị Bộ mới cấp được vai trò quản trị Bộ"
        + " / only a ministry admin can grant the ministry admin role");
  }

  private static DomainError badLink() {
    return new DomainError.Invalid("setup-link-invalid",
        "Liên kết đặt mật khẩu không hợp lệ, đã dùng hoặc đã hết hạn; hãy nhờ quản trị cấp lại"
            + " / the set-up link is invalid, used or expired; ask your admin for a new one");
  }

  public static JsonObject userJson(UserAccount u) {
    return new JsonObject().put("id", u.id()).put("username", u.username())
        .put("displayName", u.displayName()).put("role", u.role().name())
        .put("tenantPath", u.tenantPath()).put("disabled", u.disabled())
        .put("passwordSet", u.passwordHash() != null);
  }
}
