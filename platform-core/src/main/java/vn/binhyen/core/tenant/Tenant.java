package vn.binhyen.core.tenant;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One administrative unit. {@code path} is the codes from the root joined by '/', so a unit's
 * subtree is every path equal to it or starting with it plus '/'.
 */
public record Tenant(long id, String code, String name, UnitLevel level, Long parentId, String path,
    int depth, LocalDate validFrom, LocalDate validTo) {

  public Tenant {
    Objects.requireNonNull(code);
    Objects.requireNonNull(name);
    Objects.requireNonNull(level);
    Objects.requireNonNull(path);
  }

  public boolean current() {
    return validTo == null;
  }

  /** Whether {@code other} is this unit or below it. */
  public boolean contains(String otherPath) {
    return TenantPath.contains(path, otherPath);
  }
}
