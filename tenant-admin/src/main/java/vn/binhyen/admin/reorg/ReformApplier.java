package vn.binhyen.admin.reorg;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.binhyen.admin.Audits;
import vn.binhyen.admin.importing.UnitLevel;
import vn.binhyen.admin.importing.UnitRow;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.tenant.ReorgParticipant;
import vn.binhyen.core.tenant.Tenant;
import vn.binhyen.core.tenant.TenantRepository;
import vn.binhyen.core.text.Fold;

/**
 * Applies a whole {@link ReformPlan} (the 2025 reform: 63 → 34 provinces, districts abolished,
 * communes merged and split) as one transaction, set-based: closures, new units, re-parented
 * continuing units, successor rows, users and channels following their unit's first successor (a
 * split's are flagged for review), every participant called. A dry run rolls back.
 */
public final class ReformApplier {

  /** What applying did. */
  public record Applied(boolean dryRun, int closed, int created, int reparented, int successorRows, int usersMoved,
      int channelsMoved, int reviewItems, int unitsWithoutSuccessor, JsonObject plan) {
    public JsonObject toJson() {
      return new JsonObject().put("dryRun", dryRun).put("closed", closed).put("created", created)
          .put("reparented", reparented).put("successorRows", successorRows).put("usersMoved", usersMoved)
          .put("channelsMoved", channelsMoved).put("reviewItems", reviewItems)
          .put("unitsWithoutSuccessor", unitsWithoutSuccessor).put("plan", plan);
    }
  }

  private static final String CURRENT = "SELECT " + "id, code, name, level, parent_id, path, depth, valid_from, valid_to"
      + " FROM tenant WHERE valid_to IS NULL";
  private static final String CLOSE = """
      UPDATE tenant SET valid_to = greatest(valid_from, $2), updated_at = now() WHERE id = $1 AND valid_to IS NULL""";
  private static final String INSERT = """
      INSERT INTO tenant (code, name, name_folded, level, parent_id, path, depth, valid_from)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id""";
  private static final String REPARENT = """
      UPDATE tenant SET parent_id = $2, path = $3, depth = $4, updated_at = now() WHERE id = $1""";
  private static final String SUCCESSOR = """
      INSERT INTO tenant_successor (tenant_id, successor_id, effective) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING""";
  // One statement per table for all units at once: m maps an old unit to its new unit and path.
  private static final String MOVE_USERS = """
      UPDATE app_user u SET tenant_id = m.new_id, tenant_path = m.new_path
        FROM unnest($1::bigint[], $2::bigint[], $3::text[]) AS m(old_id, new_id, new_path)
       WHERE u.tenant_id = m.old_id""";
  private static final String MOVE_CHANNELS = """
      UPDATE channel c SET tenant_id = m.new_id, tenant_path = m.new_path, updated_at = now()
        FROM unnest($1::bigint[], $2::bigint[], $3::text[]) AS m(old_id, new_id, new_path)
       WHERE c.tenant_id = m.old_id RETURNING c.id, c.normalized_id, c.tenant_path""";
  private static final String FOLLOW = """
      UPDATE %s f SET tenant_path = c.tenant_path FROM channel c
       WHERE c.id = f.channel_id AND f.tenant_path <> c.tenant_path""";
  private static final String REVIEW_SPLIT = """
      INSERT INTO reorg_review (tenant_path, kind, item_id, from_code, to_code, reason)
      SELECT m.new_path, x.kind, x.id, m.old_code, m.new_code,
             'Xã bị chia tách; chuyển về đơn vị kế thừa đầu tiên / split commune; placed with its first successor'
        FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS m(old_id, old_code, new_code, new_path)
        JOIN (SELECT 'channel' AS kind, id, tenant_id FROM channel
              UNION ALL SELECT 'user', id, tenant_id FROM app_user) x ON x.tenant_id = m.old_id""";

  private final Services s;
  private final ReorgSql sql = new ReorgSql();

  public ReformApplier(Services s) {
    this.s = s;
  }

  /** {@code newUnits} is the post-reform list the plan was made from (parents of created units). */
  public Future<Applied> apply(ReformPlan plan, boolean dryRun) {
    ReorgReport report = new ReorgReport("reform");
    Applied[] out = new Applied[1];
    return s.db().inScope("BCA", tx -> tx.preparedQuery(CURRENT).execute().compose(rows -> {
      Map<String, Tenant> current = new HashMap<>(rows.size() * 2);
      for (Row r : rows) {
        Tenant t = TenantRepository.map(r);
        current.put(t.code(), t);
      }
      Tenant root = current.get("BCA");
      Map<String, Tenant> closedByCode = new HashMap<>();
      List<Tuple> closes = new ArrayList<>();
      for (ReformPlan.Closure c : plan.toClose()) {
        Tenant t = current.remove(c.code());
        if (t != null) {
          closedByCode.put(c.code(), t);
          closes.add(Tuple.of(t.id(), plan.reformDate()));
        }
      }
      Future<Void> chain = batch(tx, CLOSE, closes);
      for (UnitLevel level : UnitLevel.values()) {
        List<UnitRow> ofLevel = plan.toCreate().stream().filter(u -> u.level() == level).toList();
        chain = chain.compose(x -> create(tx, ofLevel, current, root, plan));
      }
      return chain
          .compose(x -> reparent(tx, plan, current, root))
          .compose(n -> followers(tx, plan, current, closedByCode, report, n))
          .compose(a -> s.audit().append(tx, Audits.entry(null, "BCA", "reorg.reform", "unit:BCA", null,
              a.toJson().put("plan", new JsonObject().put("reformDate", plan.reformDate().toString()))))
              .map(y -> {
                out[0] = a;
                return a;
              }))
          .compose(a -> dryRun ? Future.failedFuture(new DryRunDone())
              : new ReorgService(s).announce(tx, report).map(a));
    })).recover(e -> e instanceof DryRunDone
        ? Future.succeededFuture(new Applied(true, out[0].closed(), out[0].created(), out[0].reparented(),
            out[0].successorRows(), out[0].usersMoved(), out[0].channelsMoved(), out[0].reviewItems(),
            out[0].unitsWithoutSuccessor(), new ReformDryRunReport(plan, 20).toJson()))
        : Future.failedFuture(e))
        .map(a -> a.dryRun() ? a : new Applied(false, a.closed(), a.created(), a.reparented(), a.successorRows(),
            a.usersMoved(), a.channelsMoved(), a.reviewItems(), a.unitsWithoutSuccessor(),
            new ReformDryRunReport(plan, 20).toJson()))
        .onSuccess(a -> {
          if (!a.dryRun()) {
            new ReorgService(s).delivered();
          }
        });
  }

  private static final class DryRunDone extends RuntimeException {
    DryRunDone() {
      super(null, null, false, false);
    }
  }

  private Future<Void> create(SqlConnection tx, List<UnitRow> rows, Map<String, Tenant> current, Tenant root,
      ReformPlan plan) {
    if (rows.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> tuples = new ArrayList<>();
    List<Tenant> made = new ArrayList<>();
    for (UnitRow r : rows) {
      Tenant parent = r.parentCode() == null ? root : current.get(r.parentCode());
      String path = parent.path() + "/" + r.code();
      tuples.add(Tuple.of(r.code(), r.name(), Fold.fold(r.name()), r.level().csvName(), parent.id(), path,
          parent.depth() + 1, plan.reformDate()));
      made.add(new Tenant(0, r.code(), r.name(), vn.binhyen.core.tenant.UnitLevel.parse(r.level().csvName()),
          parent.id(), path, parent.depth() + 1, plan.reformDate(), null));
    }
    return tx.preparedQuery(INSERT).executeBatch(tuples).map(res -> {
      int i = 0;
      for (var rs = res; rs != null; rs = rs.next(), i++) {
        Tenant m = made.get(i);
        current.put(m.code(), new Tenant(rs.iterator().next().getLong(0), m.code(), m.name(), m.level(), m.parentId(),
            m.path(), m.depth(), m.validFrom(), null));
      }
      return null;
    });
  }

  /** Continuing units whose parent changed (a commune whose district was abolished). Answers old path → unit. */
  private Future<Map<String, Tenant>> reparent(SqlConnection tx, ReformPlan plan, Map<String, Tenant> current, Tenant root) {
    List<Tuple> tuples = new ArrayList<>();
    Map<String, Tenant> moved = new HashMap<>();
    for (ReformPlan.Continuation c : plan.continuing()) {
      Tenant t = current.get(c.code());
      Tenant parent = c.newParent() == null ? root : current.get(c.newParent());
      if (t == null || parent == null || (parent.id() == (t.parentId() == null ? -1 : t.parentId()))) {
        continue;
      }
      String path = parent.path() + "/" + t.code();
      tuples.add(Tuple.of(t.id(), parent.id(), path, parent.depth() + 1));
      Tenant after = new Tenant(t.id(), t.code(), t.name(), t.level(), parent.id(), path, parent.depth() + 1,
          t.validFrom(), null);
      moved.put(t.path(), after);
      current.put(t.code(), after);
    }
    return batch(tx, REPARENT, tuples).map(moved);
  }

  private Future<Applied> followers(SqlConnection tx, ReformPlan plan, Map<String, Tenant> current,
      Map<String, Tenant> closed, ReorgReport report, Map<String, Tenant> reparented) {
    List<Tuple> succ = new ArrayList<>();
    List<Long> oldIds = new ArrayList<>();
    List<Long> newIds = new ArrayList<>();
    List<String> newPaths = new ArrayList<>();
    List<Long> splitIds = new ArrayList<>();
    List<String> splitOld = new ArrayList<>();
    List<String> splitNew = new ArrayList<>();
    List<String> splitPaths = new ArrayList<>();
    List<Tenant[]> pairs = new ArrayList<>();
    int without = 0;
    for (ReformPlan.Closure c : plan.toClose()) {
      Tenant old = closed.get(c.code());
      List<Tenant> next = c.successors().stream().map(current::get).filter(java.util.Objects::nonNull).toList();
      if (old == null) {
        continue;
      }
      if (next.isEmpty()) {
        without++;
        continue;
      }
      next.forEach(n -> succ.add(Tuple.of(old.id(), n.id(), plan.reformDate())));
      Tenant first = next.get(0);
      oldIds.add(old.id());
      newIds.add(first.id());
      newPaths.add(first.path());
      pairs.add(new Tenant[] {old, first});
      report.closed(c.code(), next.stream().map(Tenant::code).toList());
      if (next.size() > 1) {
        splitIds.add(old.id());
        splitOld.add(old.code());
        splitNew.add(first.code());
        splitPaths.add(first.path());
      }
    }
    reparented.values().forEach(t -> {
      oldIds.add(t.id());
      newIds.add(t.id());
      newPaths.add(t.path());
    });
    int unitsWithout = without;
    int[] counts = new int[3];
    return batch(tx, SUCCESSOR, succ)
        .compose(x -> tx.preparedQuery(REVIEW_SPLIT).execute(Tuple.of(splitIds.toArray(new Long[0]),
            splitOld.toArray(new String[0]), splitNew.toArray(new String[0]), splitPaths.toArray(new String[0]))))
        .compose(r -> {
          counts[2] = r.rowCount();
          Tuple moves = Tuple.of(oldIds.toArray(new Long[0]), newIds.toArray(new Long[0]), newPaths.toArray(new String[0]));
          return tx.preparedQuery(MOVE_USERS).execute(moves)
              .compose(u -> {
                counts[0] = u.rowCount();
                return tx.preparedQuery(MOVE_CHANNELS).execute(moves);
              });
        })
        .compose(ch -> {
          counts[1] = ch.rowCount();
          ch.forEach(r -> report.channelsMoved.add(new ReorgSql.MovedChannel(r.getLong(0), r.getString(1), r.getString(2))));
          return tx.preparedQuery(FOLLOW.formatted("channel_figure")).execute()
              .compose(x -> tx.preparedQuery(FOLLOW.formatted("channel_verification_request")).execute());
        })
        .compose(x -> participants(tx, pairs, reparented))
        .map(x -> new Applied(false, closed.size(), plan.toCreate().size(), reparented.size(), succ.size(),
            counts[0], counts[1], counts[2], unitsWithout, null));
  }

  private Future<Void> participants(SqlConnection tx, List<Tenant[]> pairs, Map<String, Tenant> reparented) {
    Future<Void> chain = Future.succeededFuture();
    for (ReorgParticipant p : s.reorgParticipants().all()) {
      for (Tenant[] pair : pairs) {
        chain = chain.compose(x -> p.moveAll(tx, pair[0], pair[1]));
      }
      for (var e : reparented.entrySet()) {
        chain = chain.compose(x -> p.repath(tx, e.getKey(), e.getValue().path()));
      }
    }
    return chain;
  }

  private static Future<Void> batch(SqlConnection tx, String statement, List<Tuple> tuples) {
    return tuples.isEmpty() ? Future.succeededFuture() : tx.preparedQuery(statement).executeBatch(tuples).mapEmpty();
  }
}
