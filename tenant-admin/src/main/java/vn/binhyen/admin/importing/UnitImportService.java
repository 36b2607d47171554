package vn.binhyen.admin.importing;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.binhyen.admin.Audits;
import vn.binhyen.core.access.Action;
import vn.binhyen.core.access.Principal;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.tenant.Tenant;
import vn.binhyen.core.tenant.TenantPath;
import vn.binhyen.core.tenant.TenantStore;

/**
 * Imports a unit list into a subtree: validated whole ({@link ImportValidator}, line by line),
 * compared with what is there ({@link ImportDiff}), then applied in one transaction with one batch
 * per level and the renames (an imported unit's validity start is unknown, so it keeps the
 * table's default): re-importing the same file changes nothing. A refused file writes nothing.
 */
public final class UnitImportService {

  /** What an import did (or, in a dry run, would do). */
  public record Result(boolean dryRun, int rows, int created, int renamed, int unchanged, int movesIgnored,
      List<ImportDiff.Move> moves) {
    public JsonObject toJson() {
      JsonArray m = new JsonArray();
      moves.stream().limit(100).forEach(x -> m.add(new JsonObject().put("code", x.code())
          .put("currentParent", x.currentParent()).put("requestedParent", x.requestedParent())));
      return new JsonObject().put("dryRun", dryRun).put("rows", rows).put("created", created)
          .put("renamed", renamed).put("unchanged", unchanged).put("movesIgnored", movesIgnored).put("moves", m);
    }
  }

  private record Known(long id, String code, String name, String level, Long parentId, String path, int depth) {}

  private static final String CURRENT = """
      SELECT id, code, name, level, parent_id, path, depth FROM tenant WHERE valid_to IS NULL""";
  private static final String SCOPE = "SELECT set_config('app.scope', $1, true)";

  private final Services s;
  private final TenantStore tenants = new TenantStore();

  public UnitImportService(Services s) {
    this.s = s;
  }

  /**
   * Imports {@code csv} below {@code under}. {@code actor} null is the platform (CLI). Fails with
   * Invalid {@code import-refused} carrying every line error; Forbidden outside the caller's subtree.
   */
  public Future<Result> importCsv(Principal actor, Tenant under, byte[] csv, boolean dryRun) {
    return importCsv(actor, under, csv, dryRun, ImportProgress.NONE);
  }

  /** The same, telling {@code progress} each step (see {@link ImportProgress}). */
  public Future<Result> importCsv(Principal actor, Tenant under, byte[] csv, boolean dryRun, ImportProgress progress) {
    if (actor != null) {
      s.policy().check(actor, under.path(), Action.MANAGE);
    }
    UnitCsv parsed = UnitCsvReader.read(new ByteArrayInputStream(csv));
    progress.step("read", parsed.rows().size(), parsed.rows().size());
    return s.db().inTransaction(tx -> tx.preparedQuery(CURRENT).execute().compose(rows -> {
      Map<String, Known> all = new HashMap<>(rows.size() * 2);
      Map<Long, String> codeById = new HashMap<>(rows.size() * 2);
      for (Row r : rows) {
        Known k = new Known(r.getLong(0), r.getString(1), r.getString(2), r.getString(3), r.getLong(4),
            r.getString(5), r.getInteger(6));
        all.put(k.code(), k);
        codeById.put(k.id(), k.code());
      }
      Set<String> inSubtree = new HashSet<>();
      List<CurrentUnit> current = new ArrayList<>();
      for (Known k : all.values()) {
        if (TenantPath.contains(under.path(), k.path())) {
          inSubtree.add(k.code());
          var level = UnitLevel.parse(k.level());
          if (level.isPresent()) {
            String parent = k.parentId() == null ? null : codeById.get(k.parentId());
            boolean underRoot = parent != null && "ministry".equals(all.get(parent).level());
            current.add(new CurrentUnit(k.code(), k.name(), level.get(), underRoot ? null : parent));
          }
        }
      }
      ImportReport report = new ImportValidator(inSubtree).validate(parsed);
      List<LineError> errors = new ArrayList<>(report.errors());
      for (UnitRow row : report.accepted()) {
        Known k = all.get(row.code());
        if (k != null && !inSubtree.contains(row.code())) {
          errors.add(new LineError(row.line(), row.code(), LineError.Kind.DUPLICATE_CODE.name(),
              "Mã " + row.code() + " đã thuộc một đơn vị ngoài phạm vi", "Code " + row.code() + " belongs to a unit outside this subtree"));
        }
        if (row.parentCode() == null && under.level() != vn.binhyen.core.tenant.UnitLevel.MINISTRY) {
          errors.add(new LineError(row.line(), row.code(), LineError.Kind.LEVEL_ORDER.name(),
              "Chỉ nhập tỉnh ở cấp Bộ", "Provinces are imported at the ministry only"));
        }
      }
      ImportDiff diff = ImportDiff.compute(report.accepted(), current);
      for (ImportDiff.LevelConflict c : diff.conflicts()) {
        errors.add(new LineError(0, c.code(), LineError.Kind.LEVEL_ORDER.name(),
            "Mã " + c.code() + " đang là cấp " + c.currentLevel().csvName(),
            "Code " + c.code() + " is currently a " + c.currentLevel().csvName()));
      }
      if (!errors.isEmpty()) {
        ImportReport refused = new ImportReport(List.of(), errors);
        return Future.failedFuture(new DomainError.Invalid("import-refused",
            refused.verdictVi() + " / " + refused.verdictEn(), refused.errors()));
      }
      Result result = new Result(dryRun, parsed.rows().size(), diff.toCreate().size(), diff.toRename().size(),
          diff.unchanged().size(), diff.moves().size(), diff.moves());
      progress.step("checked", parsed.rows().size(), parsed.rows().size());
      if (dryRun || diff.isNoOp()) {
        return Future.succeededFuture(result);
      }
      return rename(tx, diff, all)
          .onSuccess(x -> progress.step("renamed", diff.toRename().size(), diff.toRename().size()))
          .compose(x -> insertLevels(tx, under, diff.toCreate(), all, progress))
          // The audit row lives under row-level security: give this transaction the unit's scope.
          .compose(x -> tx.preparedQuery(SCOPE).execute(Tuple.of(under.path())))
          .compose(x -> s.audit().append(tx, Audits.entry(actor, under.path(),
              "units.import", "unit:" + under.code(), null, result.toJson())))
          .map(result);
    })).onSuccess(r -> {
      if (!r.dryRun() && r.created() + r.renamed() > 0) {
        s.tenantDirectory().invalidate("*");
      }
      progress.step("done", r.rows(), r.rows());
    }).onFailure(e -> progress.step("failed", 0, 0));
  }

  private Future<Void> rename(SqlConnection tx, ImportDiff diff, Map<String, Known> all) {
    if (diff.toRename().isEmpty()) {
      return Future.succeededFuture();
    }
    List<TenantStore.Rename> batch = new ArrayList<>();
    diff.toRename().forEach(r -> batch.add(new TenantStore.Rename(all.get(r.code()).id(), r.newName())));
    return tenants.renameAll(tx, batch);
  }

  /** One batch per level, parents first, so each batch is one round trip. */
  private Future<Void> insertLevels(SqlConnection tx, Tenant under, List<UnitRow> create, Map<String, Known> all,
      ImportProgress progress) {
    Future<Void> chain = Future.succeededFuture();
    int written = 0;
    for (UnitLevel level : UnitLevel.values()) {
      List<UnitRow> ofLevel = create.stream().filter(r -> r.level() == level).toList();
      if (!ofLevel.isEmpty()) {
        int after = written + ofLevel.size();
        chain = chain.compose(x -> insertBatch(tx, under, ofLevel, all))
            .onSuccess(x -> progress.step("created", after, create.size()));
        written = after;
      }
    }
    return chain;
  }

  private Future<Void> insertBatch(SqlConnection tx, Tenant under, List<UnitRow> batch, Map<String, Known> all) {
    List<TenantStore.NewUnit> units = new ArrayList<>(batch.size());
    for (UnitRow r : batch) {
      Known parent = r.parentCode() == null ? all.get(under.code()) : all.get(r.parentCode());
      String path = TenantPath.child(parent.path(), r.code());
      // No validity start: an imported unit's is unknown, so it keeps the table's default.
      units.add(new TenantStore.NewUnit(r.code(), r.name(), vn.binhyen.core.tenant.UnitLevel.parse(r.level().csvName()),
          parent.id(), path, parent.depth() + 1, null));
    }
    return tenants.insertAll(tx, units).map(ids -> {
      for (int i = 0; i < units.size(); i++) {
        TenantStore.NewUnit u = units.get(i);
        all.put(u.code(), new Known(ids.get(i), u.code(), u.name(), batch.get(i).level().csvName(), u.parentId(),
            u.path(), u.depth()));
      }
      return null;
    });
  }
}
