package vn.binhyen.core.identity;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import vn.binhyen.core.access.AccessPolicy;
import vn.binhyen.core.access.Action;
import vn.binhyen.core.access.Principal;
import vn.binhyen.core.audit.AuditEntry;
import vn.binhyen.core.audit.AuditLog;
import vn.binhyen.core.db.Db;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.tenant.Tenant;

/**
 * Creating and reading users inside a tenant scope, with every change audited. The tenant-admin
 * module builds the full user management (disable, reset, change role) on top of this.
 */
public final class UserService {

  /** A new user: who, where, in which role; the password may be null (set later by a one-time link). */
  public record NewUser(String username, String displayName, Role role, String password) {
    public NewUser {
      if (username == null || !username.trim().toLowerCase().matches("[a-z0-9][a-z0-9._-]{2,63}")) {
        throw new DomainError.Invalid("bad-username", "Tên đăng nhập 3–64 ký tự: chữ thường không dấu,"
            + " số, dấu chấm, gạch / username: 3–64 of a-z 0-9 . _ -");
      }
      if (displayName == null || displayName.isBlank() || displayName.length() > 120) {
        throw new DomainError.Invalid("bad-display-name", "Họ tên 1–120 ký tự / display name: 1–120 characters");
      }
      if (password != null && (password.length() < 10 || password.length() > 200)) {
        throw new DomainError.Invalid("weak-password",
            "Mật khẩu cần 10–200 ký tự / a password needs 10–200 characters");
      }
    }
  }

  private final Vertx vertx;
  private final Db db;
  private final UserRepository repo;
  private final PasswordHasher hasher;
  private final AuditLog audit;
  private final AccessPolicy policy;

  public UserService(Vertx vertx, Db db, UserRepository repo, PasswordHasher hasher, AuditLog audit,
      AccessPolicy policy) {
    this.vertx = vertx;
    this.db = db;
    this.repo = repo;
    this.hasher = hasher;
    this.audit = audit;
    this.policy = policy;
  }

  /**
   * Creates a user bound to {@code tenant}. {@code actor} null means the platform itself (CLI,
   * demo seeding). Fails with Forbidden outside the actor's subtree, Conflict for a taken username.
   */
  public Future<UserAccount> create(Principal actor, Tenant tenant, NewUser user) {
    if (actor != null) {
      policy.check(actor, tenant.path(), Action.MANAGE);
      if (user.role() == Role.MINISTRY_ADMIN && actor.role() != Role.MINISTRY_ADMIN) {
        return Future.failedFuture(new DomainError.Forbidden(
            "Chỉ quản trị Bộ mới tạo được quản trị Bộ / only a ministry admin can create one"));
      }
    }
    Future<String> hash = user.password() == null
        ? Future.succeededFuture(null)
        : vertx.executeBlocking(() -> hasher.hash(user.password()), false);
    return hash.compose(h -> db.inScope(tenant.path(), tx ->
        repo.insert(tx, user.username().trim(), user.displayName().trim(), tenant.id(), tenant.path(),
                user.role(), h)
            .compose(created -> audit.append(tx, new AuditEntry(
                    actor == null ? null : actor.userId(),
                    actor == null ? "system" : actor.username(),
                    tenant.path(), "user.create", "user:" + created.username(), null,
                    new JsonObject().put("username", created.username()).put("role", created.role().name())
                        .put("unit", tenant.code()), null))
                .map(x -> created))));
  }

  /** Users of a subtree, as the row-level security scope of the caller allows. */
  public Future<List<UserAccount>> list(Principal actor, Tenant tenant, int limit, int offset) {
    policy.check(actor, tenant.path(), Action.READ);
    return db.inScope(actor.scopePath(), tx -> repo.listSubtree(tx, tenant.path(), limit, offset));
  }

  /** For the platform itself (CLI, demo): a user by username across tenants. */
  public Future<java.util.Optional<UserAccount>> findByUsernameAsSystem(String username) {
    return repo.findForLogin(db.pool(), username);
  }

  /** Sets a password (first set-up or reset); blocking hash on a worker. */
  public Future<UserAccount> setPassword(String scopePath, long userId, String password) {
    if (password == null || password.length() < 10 || password.length() > 200) {
      return Future.failedFuture(new DomainError.Invalid("weak-password",
          "Mật khẩu cần 10–200 ký tự / a password needs 10–200 characters"));
    }
    return vertx.executeBlocking(() -> hasher.hash(password), false)
        .compose(h -> db.inScope(scopePath, tx -> repo.setPassword(tx, userId, h)))
        .map(u -> u.orElseThrow(() -> new DomainError.NotFound("user #" + userId)));
  }
}
