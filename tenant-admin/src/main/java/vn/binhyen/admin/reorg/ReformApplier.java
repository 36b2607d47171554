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
import vn.binhyen.core.channel.ChannelStore;
import vn.binhyen.core.identity.UserStore;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.tenant.ReorgParticipant;
import vn.binhyen.core.tenant.Tenant;
import vn.binhyen.core.tenant.TenantRepository;
import vn.binhyen.core.tenant.TenantStore;
import vn.binhyen.core.tenant.UnitMove;
import vn.binhyen.core.tenant.UnitMoves;

/**
 * Applies a whole {@link ReformPlan} (the 2025 reform: 63 → 34 provinces, districts abolished,
 * communes merged and split) as one transaction, set-based: closures, new units, re-parented
 * continuing units, successor rows, users and channels following their unit's first successor (a
 * split's are flagged for review), every participant called. A dry run rolls back.
 */
public final class ReformApplier {

  /** What applying did. */
  public record Applied(boolean dryRun, int closed, int created, int reparented, int successorRows, int usersMoved,
      int channelsMoved, int reviewItems, int unitsWithoutSuccessor, Map<String, Integer> followed, JsonObject plan) {
    public JsonObject toJson() {
      JsonObject out = new JsonObject().put("dryRun", dryRun).put("closed", closed).put("created", created)
          .put("reparented", reparented).put("successorRows", successorRows).put("usersMoved", usersMoved)
          .put("channelsMoved", channelsMoved).put("reviewItems", reviewItems)
          .put("unitsWithoutSuccessor", unitsWithoutSuccessor);
      followed.forEach(out::put);
      return out.put("plan", plan);
    }

    Applied withPlan(boolean dry, JsonObject report) {
      return new Applied(dry, closed, created, reparented, successorRows, usersMoved, channelsMoved, reviewItems,
          unitsWithoutSuccessor, followed, report);
    }
  }

  private static final String CURRENT = "SELECT " + "id, code, name, level, parent_id, path, depth, valid_from, valid_to"
      + " FROM tenant WHERE valid_to IS NULL";
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
  private final TenantStore tenants = new TenantStore();
  private final UserStore users = new UserStore();
  private final ChannelStore channels = new ChannelStore();

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
      List<TenantStore.Closure> closes = new ArrayList<>();
      for (ReformPlan.Closure c : plan.toClose()) {
        Tenant t = current.remove(c.code());
        if (t != null) {
          closedByCode.put(c.code(), t);
          closes.add(new TenantStore.Closure(t.id(), plan.reformDate()));
        }
      }
      Future<Void> chain = tenants.closeAll(tx, closes);
      for (UnitLevel level : UnitLevel.values()) {
        List<UnitRow> ofLevel = plan.toCreate().stream().filter(u -> u.level() == level).toList();
        chain = chain.compose(x -> create(tx, ofLevel, current, root, plan));
      }
      return chain
          .compose(x -> reparent(tx, plan, current, root))
          .compose(n -> followers(tx, plan, current, closedByCode, report, n, dryRun))
          .compose(a -> s.audit().append(tx, Audits.entry(null, "BCA", "reorg.reform", "unit:BCA", null,
              a.toJson().put("plan", new JsonObject().put("reformDate", plan.reformDate().toString()))))
              .map(y -> {
                out[0] = a;
                return a;
              }))
          .compose(a -> dryRun ? Future.failedFuture(new DryRunDone())
              : new ReorgService(s).announce(tx, report).map(a));
    })).recover(e -> e instanceof DryRunDone
        ? Future.succeededFuture(out[0].withPlan(true, new ReformDryRunReport(plan, 20).toJson()))
        : Future.failedFuture(e))
        .map(a -> a.dryRun() ? a : a.withPlan(false, new ReformDryRunReport(plan, 20).toJson()))
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
    List<TenantStore.NewUnit> units = new ArrayList<>();
    for (UnitRow r : rows) {
      Tenant parent = r.parentCode() == null ? root : current.get(r.parentCode());
      String path = parent.path() + "/" + r.code();
      units.add(new TenantStore.NewUnit(r.code(), r.name(),
          vn.binhyen.core.tenant.UnitLevel.parse(r.level().csvName()), parent.id(), path, parent.depth() + 1,
          plan.reformDate()));
    }
    return tenants.insertAll(tx, units).map(ids -> {
      for (int i = 0; i < units.size(); i++) {
        TenantStore.NewUnit m = units.get(i);
        current.put(m.code(), new Tenant(ids.get(i), m.code(), m.name(), m.level(), m.parentId(),
            m.path(), m.depth(), m.validFrom(), null));
      }
      return null;
    });
  }

  /** Continuing units whose parent changed (a commune whose district was abolished). Answers old path → unit. */
  private Future<Map<String, Tenant>> reparent(SqlConnection tx, ReformPlan plan, Map<String, Tenant> current, Tenant root) {
    List<TenantStore.Reparent> tuples = new ArrayList<>();
    Map<String, Tenant> moved = new HashMap<>();
    for (ReformPlan.Continuation c : plan.continuing()) {
      Tenant t = current.get(c.code());
      Tenant parent = c.newParent() == null ? root : current.get(c.newParent());
      if (t == null || parent == null || (parent.id() == (t.parentId() == null ? -1 : t.parentId()))) {
        continue;
      }
      String path = parent.path() + "/" + t.code();
      tuples.add(new TenantStore.Reparent(t.id(), parent.id(), path, parent.depth() + 1));
      Tenant after = new Tenant(t.id(), t.code(), t.name(), t.level(), parent.id(), path, parent.depth() + 1,
          t.validFrom(), null);
      moved.put(t.path(), after);
      current.put(t.code(), after);
    }
    return tenants.reparentAll(tx, tuples).map(moved);
  }

  private Future<Applied> followers(SqlConnection tx, ReformPlan plan, Map<String, Tenant> current,
      Map<String, Tenant> closed, ReorgReport report, Map<String, Tenant> reparented, boolean dryRun) {
    List<TenantStore.Successor> succ = new ArrayList<>();
    List<UnitMove> moves = new ArrayList<>();
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
      next.forEach(n -> succ.add(new TenantStore.Successor(old.id(), n.id(), plan.reformDate())));
      Tenant first = next.get(0);
      moves.add(new UnitMove(old.id(), first.id(), first.path()));
      pairs.add(new Tenant[] {old, first});
      report.closed(c.code(), next.stream().map(Tenant::code).toList());
      if (next.size() > 1) {
        splitIds.add(old.id());
        splitOld.add(old.code());
        splitNew.add(first.code());
        splitPaths.add(first.path());
      }
    }
    reparented.values().forEach(t -> moves.add(new UnitMove(t.id(), t.id(), t.path())));
    int unitsWithout = without;
    int[] counts = new int[3];
    return tenants.addSuccessors(tx, succ)
        .compose(x -> tx.preparedQuery(REVIEW_SPLIT).execute(Tuple.of(splitIds.toArray(new Long[0]),
            splitOld.toArray(new String[0]), splitNew.toArray(new String[0]), splitPaths.toArray(new String[0]))))
        .compose(r -> {
          counts[2] = r.rowCount();
          return users.moveAll(tx, moves)
              .compose(u -> {
                counts[0] = u;
                return channels.moveAll(tx, moves);
              });
        })
        .compose(ch -> {
          counts[1] = ch.size();
          report.channelsMoved.addAll(ReorgSql.moved(ch));
          return tx.preparedQuery(FOLLOW.formatted("channel_figure")).execute()
              .compose(x -> tx.preparedQuery(FOLLOW.formatted("channel_verification_request")).execute());
        })
        .compose(x -> participants(tx, new UnitMoves(pairs, repaths(reparented), moves), dryRun))
        .map(followed -> new Applied(false, closed.size(), plan.toCreate().size(), reparented.size(), succ.size(),
            counts[0], counts[1], counts[2], unitsWithout, followed, null));
  }

  private static Map<String, String> repaths(Map<String, Tenant> reparented) {
    Map<String, String> out = new HashMap<>();
    reparented.forEach((old, t) -> out.put(old, t.path()));
    return out;
  }

  /** Every participant moves the whole mapping at once (set-based); the counts of what followed. */
  private Future<Map<String, Integer>> participants(SqlConnection tx, UnitMoves moves, boolean dryRun) {
    Map<String, Integer> followed = new java.util.TreeMap<>();
    Future<Void> chain = Future.succeededFuture();
    for (ReorgParticipant p : s.reorgParticipants().all()) {
      chain = chain.compose(x -> p.moveMany(tx, moves, dryRun))
          .map(counts -> {
            counts.forEach((k, n) -> followed.merge(k, n, Integer::sum));
            return null;
          });
    }
    return chain.map(x -> followed);
  }
}
