package vn.binhyen.core.tenant;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.binhyen.core.db.Db;
import vn.binhyen.core.error.DomainError;

/**
 * Current units by code, cached on this node. Every change is announced on the clustered event
 * bus, so every node drops its copy at once.
 */
public final class TenantDirectory {

  public static final String CHANGED_ADDRESS = "binhyen.tenant.changed";

  private final Vertx vertx;
  private final Db db;
  private final TenantRepository repo;
  private final Map<String, Tenant> byCode = new ConcurrentHashMap<>();

  public TenantDirectory(Vertx vertx, Db db, TenantRepository repo) {
    this.vertx = vertx;
    this.db = db;
    this.repo = repo;
    vertx.eventBus().<String>consumer(CHANGED_ADDRESS, msg -> {
      if ("*".equals(msg.body())) {
        byCode.clear();
      } else {
        byCode.remove(msg.body());
      }
    });
  }

  /** The current unit with this code; fails with NotFound. */
  public Future<Tenant> byCode(String code) {
    if (code == null || code.length() > 16) {
      return Future.failedFuture(notFound(code));
    }
    Tenant cached = byCode.get(code);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    return repo.findCurrentByCode(db.pool(), code).map(found -> {
      Tenant t = found.orElseThrow(() -> notFound(code));
      byCode.put(code, t);
      return t;
    });
  }

  public Future<Tenant> byId(long id) {
    return repo.findById(db.pool(), id)
        .map(found -> found.orElseThrow(() -> new DomainError.NotFound("unit #" + id)));
  }

  /** Drops a code from every node's cache ("*" drops everything, e.g. after an import). */
  public void invalidate(String code) {
    byCode.remove(code);
    vertx.eventBus().publish(CHANGED_ADDRESS, code);
  }

  private static DomainError notFound(String code) {
    return new DomainError.NotFound("Không có đơn vị hiện hành mang mã \"" + code
        + "\" / no current unit has code \"" + code + "\"");
  }
}
