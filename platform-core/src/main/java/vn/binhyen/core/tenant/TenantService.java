package vn.binhyen.core.tenant;

import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.binhyen.core.db.Db;
import vn.binhyen.core.db.Page;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.text.Fold;

/**
 * The rules of the tenant hierarchy: create under a parent, rename, list children, get a subtree,
 * resolve a code (a closed unit resolves to its successors). Authorisation happens before these
 * calls (the scope check of every route); these enforce the shape of the tree.
 */
public final class TenantService {

  /** A resolved code: the current unit, or the successors of a unit that no longer exists. */
  public record Resolution(String code, Optional<Tenant> current, List<Tenant> formerUnits,
      List<Tenant> successors) {}

  /** Most answers a name search gives. */
  public static final int MAX_MATCHES = 20;

  private final Db db;
  private final TenantRepository repo;
  private final TenantDirectory directory;

  public TenantService(Db db, TenantRepository repo, TenantDirectory directory) {
    this.db = db;
    this.repo = repo;
    this.directory = directory;
  }

  /** Fails with NotFound when no current unit has the code. */
  public Future<Tenant> get(String code) {
    return directory.byCode(code);
  }

  /**
   * Creates a unit under {@code parentCode} (or the root when null, only for the ministry).
   * Fails with Invalid (bad code, level order) or Conflict (code taken).
   */
  public Future<Tenant> create(String parentCode, String code, String name, UnitLevel level) {
    String cleanName = Fold.nfc(name);
    if (cleanName == null || cleanName.isEmpty() || cleanName.length() > 200) {
      return Future.failedFuture(new DomainError.Invalid("bad-unit-name",
          "Tên đơn vị phải có 1–200 ký tự / a unit name needs 1–200 characters"));
    }
    try {
      TenantCode.check(code, level);
    } catch (DomainError e) {
      return Future.failedFuture(e);
    }
    Future<Tenant> parent = parentCode == null
        ? Future.succeededFuture(null)
        : directory.byCode(parentCode);
    return parent.compose(p -> {
      if (p == null && level != UnitLevel.MINISTRY) {
        return Future.failedFuture(new DomainError.Invalid("parent-required",
            "Đơn vị cấp " + level.vi() + " phải có đơn vị cấp trên / a parent unit is required"));
      }
      if (p != null && !level.mayBeUnder(p.level())) {
        return Future.failedFuture(new DomainError.Invalid("level-order",
            "Không thể đặt đơn vị cấp " + level.vi() + " dưới đơn vị cấp " + p.level().vi()
                + " / a " + level.id() + " cannot be placed under a " + p.level().id()));
      }
      return db.inTransaction(tx -> repo.insert(tx, code, cleanName, level, p, LocalDate.now()));
    }).onSuccess(t -> directory.invalidate(t.code()));
  }

  public Future<Tenant> rename(String code, String newName) {
    String cleanName = Fold.nfc(newName);
    if (cleanName == null || cleanName.isEmpty() || cleanName.length() > 200) {
      return Future.failedFuture(new DomainError.Invalid("bad-unit-name",
          "Tên đơn vị phải có 1–200 ký tự / a unit name needs 1–200 characters"));
    }
    return directory.byCode(code)
        .compose(t -> db.inTransaction(tx -> repo.rename(tx, t.id(), cleanName)))
        .onSuccess(t -> directory.invalidate(t.code()));
  }

  public Future<Page<Tenant>> children(String code, int limit, int offset) {
    return directory.byCode(code).compose(t -> repo.children(db.pool(), t.id(), limit, offset));
  }

  public Future<Page<Tenant>> subtree(String code, int limit, int offset) {
    return directory.byCode(code).compose(t -> repo.subtree(db.pool(), t.path(), limit, offset));
  }

  public Future<List<Tenant>> search(String withinCode, String query, int limit) {
    return directory.byCode(withinCode).compose(t -> repo.search(db.pool(), t.path(), query, limit));
  }

  /**
   * {@link #search} with each unit's parents (nearest first, the ministry left out), for the
   * staff's unit picker: "Phường Ba Đình · Thành phố Hà Nội". NotFound when {@code withinCode} is
   * no current unit.
   */
  public Future<List<UnitMatch>> searchWithParents(String withinCode, String query, int limit) {
    return search(withinCode, query, limit).compose(units -> {
      List<Future<UnitMatch>> matches = new java.util.ArrayList<>(units.size());
      units.forEach(u -> matches.add(parents(u).map(p -> new UnitMatch(u, p, java.util.Optional.empty()))));
      return Future.all(matches).map(all -> all.<UnitMatch>list());
    });
  }

  private Future<List<UnitMatch.Ref>> parents(Tenant unit) {
    String[] codes = unit.path().split(TenantPath.SEPARATOR);
    List<Future<UnitMatch.Ref>> refs = new java.util.ArrayList<>();
    for (int i = codes.length - 2; i >= 1; i--) {
      refs.add(directory.byCode(codes[i]).map(t -> new UnitMatch.Ref(t.code(), t.name()))
          .recover(e -> Future.succeededFuture(null)));
    }
    return Future.all(refs).map(all -> all.<UnitMatch.Ref>list().stream().filter(java.util.Objects::nonNull).toList());
  }

  /**
   * The citizens' search by name ({@link UnitQuery}): current units, and for the name of a closed
   * unit the unit(s) that replaced it; at most {@code limit} (1–20), best first. Fails with
   * Invalid ({@code bad-unit-query}) when the query has nothing to search for.
   */
  public Future<List<UnitMatch>> searchByName(String query, int limit) {
    UnitQuery q;
    try {
      q = UnitQuery.parse(query);
    } catch (DomainError e) {
      return Future.failedFuture(e);
    }
    return repo.searchByName(db.pool(), q, Math.max(1, Math.min(limit, MAX_MATCHES)));
  }

  /** A current unit, or for an old code the unit(s) that replaced it. NotFound if neither. */
  public Future<Resolution> resolve(String code) {
    return repo.findCurrentByCode(db.pool(), code).compose(current ->
        repo.findHistoricalByCode(db.pool(), code).compose(former -> {
          if (current.isEmpty() && former.isEmpty()) {
            return Future.failedFuture(new DomainError.NotFound(
                "Không có đơn vị nào mang mã " + code + " / no unit has code " + code));
          }
          if (former.isEmpty()) {
            return Future.succeededFuture(new Resolution(code, current, List.of(), List.of()));
          }
          return repo.successors(db.pool(), former.get(0).id())
              .map(succ -> new Resolution(code, current, former, succ));
        }));
  }
}
