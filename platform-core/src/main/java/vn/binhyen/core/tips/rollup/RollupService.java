package vn.binhyen.core.tips.rollup;

import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.binhyen.core.db.Db;
import vn.binhyen.core.tenant.Tenant;

/**
 * Roll-up figures of a unit read from the counters (never by scanning tips): totals, SLA
 * breaches, and groups by child (drill-down), category, status or day. The caller's READ on the
 * unit is checked by the scope handler.
 */
public final class RollupService {

  private final Db db;
  private final RollupRepository repo = new RollupRepository();
  private final ConversationRepository conversations = new ConversationRepository();
  private final Map<String, String> categoryNames;

  /**
   * Children per drill-down query: the nation's 34 provinces are one query (their counters share
   * the national partition, tips V17); a province's communes (up to some 170) are read in slices at
   * once on separate connections, since a period that is not whole months sums day rows.
   */
  private static final int CHILDREN_PER_QUERY = 40;

  public RollupService(Db db, Map<String, String> categoryNames) {
    this.db = db;
    this.categoryNames = Map.copyOf(categoryNames);
  }

  public Future<Rollup> rollup(Tenant unit, RollupQuery q) {
    var pool = db.reads(); // counters only: a replica within its lag bound is good enough
    Future<Map<String, Map<String, Long>>> totals = repo.byKey(pool, unit.path(), List.of("t", "b"), q.own(), q.from(), q.to());
    Future<List<Rollup.Group>> groups = switch (q.groupBy()) {
      case "category" -> repo.byKey(pool, unit.path(), List.of("c"), q.own(), q.from(), q.to())
          .map(m -> groups(m, "c", categoryNames));
      case "status" -> repo.byKey(pool, unit.path(), List.of("s"), q.own(), q.from(), q.to())
          .map(m -> groups(m, "s", Map.of()));
      case "day" -> repo.byDay(pool, unit.path(), q.own(), q.from(), q.to()).map(m -> groups(m, "t", Map.of()));
      case "child" -> children(unit, q);
      default -> Future.succeededFuture(List.of());
    };
    return Future.all(totals, groups).map(x -> {
      Map<String, Long> t = totals.result().getOrDefault("", Map.of());
      return new Rollup(unit.code(), unit.name(), unit.path(), q, t.getOrDefault("t", 0L), t.getOrDefault("b", 0L),
          groups.result());
    });
  }

  private Future<List<Rollup.Group>> children(Tenant unit, RollupQuery q) {
    var pool = db.reads(); // counters only: a replica within its lag bound is good enough
    return repo.children(pool, unit.id()).compose(children -> {
      List<String> paths = new ArrayList<>(children.stream().map(RollupRepository.Child::path).toList());
      Future<Map<String, Map<String, Long>>> own = repo.byKey(pool, unit.path(), List.of("t", "b"), true, q.from(), q.to());
      // The children in slices read at once on separate connections (CHILDREN_PER_QUERY).
      List<Future<Map<String, Map<String, Long>>>> slices = new ArrayList<>();
      for (int i = 0; i < paths.size(); i += CHILDREN_PER_QUERY) {
        slices.add(repo.byUnits(pool, paths.subList(i, Math.min(paths.size(), i + CHILDREN_PER_QUERY)), q.from(), q.to()));
      }
      return Future.all(Future.all(slices), own).map(x -> {
        Map<String, Map<String, Long>> counts = new java.util.HashMap<>();
        slices.forEach(slice -> counts.putAll(slice.result()));
        List<Rollup.Group> out = new ArrayList<>();
        Map<String, Long> self = own.result().getOrDefault("", Map.of());
        out.add(new Rollup.Group(unit.code(), unit.name() + " (trực tiếp / itself)", unit.path(),
            self.getOrDefault("t", 0L), self.getOrDefault("b", 0L)));
        for (RollupRepository.Child c : children) {
          Map<String, Long> m = counts.getOrDefault(c.path(), Map.of());
          out.add(new Rollup.Group(c.code(), c.name(), c.path(), m.getOrDefault("t", 0L), m.getOrDefault("b", 0L)));
        }
        return out;
      });
    });
  }

  /**
   * The conversation figures (Zalo and Messenger) of {@code unit}'s subtree over {@code q}'s
   * period, with each current child's (the unit's own first). The caller's READ on the unit was
   * checked by the scope handler.
   */
  public Future<ConversationFigures> conversations(Tenant unit, RollupQuery q) {
    var pool = db.pool();
    return repo.children(pool, unit.id()).compose(children -> {
      Future<Map<String, Long>> total = conversations.one(pool, unit.path(), false, q.from(), q.to());
      Future<Map<String, Long>> own = conversations.one(pool, unit.path(), true, q.from(), q.to());
      Future<Map<String, Map<String, Long>>> subtrees = children.isEmpty() ? Future.succeededFuture(Map.of())
          : conversations.subtrees(pool, children.stream().map(RollupRepository.Child::path).toList(), q.from(), q.to());
      return Future.all(total, own, subtrees).map(x -> {
        List<ConversationFigures.Child> rows = new ArrayList<>();
        rows.add(new ConversationFigures.Child(unit.code(), unit.name(), ConversationFigures.Counts.of(own.result())));
        for (RollupRepository.Child c : children) {
          rows.add(new ConversationFigures.Child(c.code(), c.name(),
              ConversationFigures.Counts.of(subtrees.result().getOrDefault(c.path(), Map.of()))));
        }
        return new ConversationFigures(unit.code(), unit.name(), unit.path(), q,
            ConversationFigures.Counts.of(total.result()), rows);
      });
    });
  }

  private static List<Rollup.Group> groups(Map<String, Map<String, Long>> m, String dim, Map<String, String> labels) {
    List<Rollup.Group> out = new ArrayList<>();
    m.forEach((key, dims) -> {
      long n = dims.getOrDefault(dim, 0L);
      if (n != 0 || dims.getOrDefault("b", 0L) != 0) {
        out.add(new Rollup.Group(key, labels.getOrDefault(key, key), null, n, dims.getOrDefault("b", 0L)));
      }
    });
    return out;
  }

  /** Default period: the last 30 days up to today. */
  public static RollupQuery query(LocalDate from, LocalDate to, String groupBy, boolean own, LocalDate today) {
    LocalDate end = to == null ? today : to;
    LocalDate start = from == null ? end.minusDays(29) : from;
    return new RollupQuery(start, end, groupBy == null ? "total" : groupBy, own);
  }
}
