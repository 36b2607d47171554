package vn.binhyen.core.tips;

import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.binhyen.core.module.Services;

/**
 * Periodic work on every node: flags unanswered tips past their SLA (the roll-up trigger counts
 * the breach in the same transaction) and folds old roll-up shards. Both are idempotent, so
 * several nodes running them at once only repeat no-ops.
 */
public final class SlaSweeper {

  private static final Logger log = LoggerFactory.getLogger(SlaSweeper.class);
  private static final String ROOTS = "SELECT path FROM tenant WHERE parent_id IS NULL AND valid_to IS NULL";
  private static final String COMPACT = "SELECT tip_rollup_compact($1)";

  private final Services services;
  private final TipRepository repo;
  private final TipSettings settings;

  SlaSweeper(Services services, TipRepository repo, TipSettings settings) {
    this.services = services;
    this.repo = repo;
    this.settings = settings;
  }

  void start() {
    services.vertx().setPeriodic(settings.slaSweep().toMillis(), id -> sweep(OffsetDateTime.now(ZoneOffset.UTC))
        .compose(n -> compact())
        .onFailure(e -> log.warn("SLA sweep failed: {}", e.toString())));
  }

  /** Flags every tip unanswered at {@code now} past its deadline; returns how many. */
  public Future<Integer> sweep(OffsetDateTime now) {
    return services.db().pool().query(ROOTS).execute().compose(rows -> {
      List<Future<Integer>> all = new ArrayList<>();
      rows.forEach(r -> all.add(services.db().inScope(r.getString(0), tx -> repo.sweepSla(tx, now))));
      return Future.all(all).map(cf -> cf.<Integer>list().stream().mapToInt(Integer::intValue).sum());
    });
  }

  /** Folds roll-up shards of days before yesterday into one row each. */
  public Future<Long> compact() {
    LocalDate before = LocalDate.now(settings.zone()).minusDays(1);
    return services.db().pool().preparedQuery(COMPACT).execute(Tuple.of(before))
        .map(rows -> rows.iterator().next().getLong(0));
  }
}
