package vn.binhyen.core.access;

import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.tenant.TenantPath;

/**
 * The one place that decides "may this principal do this to this tenant". Every route goes through
 * it (the scope handler for routes naming a unit, services for resources loaded by id); the
 * database's row-level security checks the subtree a second time.
 *
 * <pre>
 * role            READ            OPERATE     MANAGE          READ_IDENTITY
 * MINISTRY_ADMIN  subtree (all)   —           subtree (all)   —
 * UNIT_ADMIN      subtree         own unit    subtree         —
 * OFFICER         own unit        own unit    —               own unit
 * SUPERVISOR      subtree         —           —               —
 * </pre>
 */
public final class AccessPolicy {

  public boolean allows(Principal p, String targetPath, Action action) {
    boolean own = p.tenantPath().equals(targetPath);
    boolean inSubtree = TenantPath.contains(p.tenantPath(), targetPath);
    return switch (p.role()) {
      case MINISTRY_ADMIN -> (action == Action.READ || action == Action.MANAGE) && inSubtree;
      case UNIT_ADMIN -> switch (action) {
        case READ, MANAGE -> inSubtree;
        case OPERATE -> own;
        case READ_IDENTITY -> false;
      };
      case OFFICER -> own && action != Action.MANAGE;
      case SUPERVISOR -> action == Action.READ && inSubtree;
    };
  }

  /** Fails with {@link DomainError.Forbidden} unless {@link #allows}. */
  public void check(Principal p, String targetPath, Action action) {
    if (!allows(p, targetPath, action)) {
      throw new DomainError.Forbidden("Tài khoản " + p.username() + " (" + p.role().vi()
          + ") không có quyền " + action.name() + " với đơn vị này / not allowed to "
          + action.name().toLowerCase(java.util.Locale.ROOT) + " this unit");
    }
  }
}
