package vn.binhyen.admin.reorg;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.binhyen.core.access.Principal;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.identity.UserAccount;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.tenant.Tenant;

/**
 * The demo's closed unit, so that "old names of merged units lead to the successor" can be seen:
 * Phường Quán Thánh (old code 00013), which the 2025 reform merged into Phường Ba Đình (00004), is
 * created and merged by the demo's Hà Nội admin through {@link ReorgService#merge}, the path an
 * operator takes (history, successor row, audit entry). Idempotent: once closed, nothing is done.
 */
public final class DemoMerge {

  private static final Logger log = LoggerFactory.getLogger(DemoMerge.class);
  static final String OLD_CODE = "00013";
  static final String OLD_NAME = "Phường Quán Thánh";
  static final String SUCCESSOR = "00004";
  private static final String ADMIN = "hanoi-admin";

  private final Services s;
  private final ReorgService reorg;

  public DemoMerge(Services s, ReorgService reorg) {
    this.s = s;
    this.reorg = reorg;
  }

  public Future<Void> seed() {
    return s.tenants().resolve(OLD_CODE)
        .map(found -> found.current().isPresent() ? Step.MERGE : Step.DONE)
        .recover(e -> e instanceof DomainError.NotFound ? Future.succeededFuture(Step.CREATE) : Future.failedFuture(e))
        .compose(step -> switch (step) {
          case CREATE -> create().compose(x -> merge());
          case MERGE -> merge();
          case DONE -> Future.<Void>succeededFuture();
        });
  }

  /** What is left to do: the old ward is absent, current (a seed stopped half-way), or closed already. */
  private enum Step { CREATE, MERGE, DONE }

  private Future<Void> create() {
    return s.tenantDirectory().byCode(SUCCESSOR)
        .compose(successor -> s.tenants().create(parentCode(successor), OLD_CODE, OLD_NAME, successor.level()))
        .mapEmpty();
  }

  private Future<Void> merge() {
    return admin()
        .compose(actor -> reorg.merge(actor, List.of(OLD_CODE), SUCCESSOR, false))
        .onSuccess(report -> log.info("Demo reorganisation: {} ({}) merged into {}", OLD_NAME, OLD_CODE, SUCCESSOR))
        .mapEmpty();
  }

  private Future<Principal> admin() {
    return s.users().findByUsernameAsSystem(ADMIN).compose(found -> {
      UserAccount u = found.orElseThrow(() -> new IllegalStateException("the demo user " + ADMIN + " is missing"));
      return s.tenantDirectory().byId(u.tenantId()).map(unit -> new Principal(u.id(), u.username(), u.displayName(),
          u.tenantId(), unit.code(), u.tenantPath(), u.role(), "demo-seed", "demo-seed", Instant.now().getEpochSecond()));
    });
  }

  private static String parentCode(Tenant unit) {
    String[] path = unit.path().split("/");
    return path[path.length - 2];
  }
}
