package vn.binhyen.core.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Where reads that may be slightly stale go (roll-up dashboards, public lists): a replica
 * ({@code BINHYEN_DB_READ_URL}) while it is known to be at most {@code maxLag} behind the primary,
 * the primary otherwise. Nothing that decides (sign-in, verification, a tip's state) reads here.
 *
 * <p>The bound is measured, not trusted: every probe reads the primary's WAL position first, then
 * asks the replica whether it has replayed that far. When it has, the replica holds every commit
 * made before the probe started, so its staleness is at most the time since the last probe that
 * found it caught up. Past {@code maxLag}, or when a probe fails (replica down, primary switching),
 * reads go to the primary until a probe finds the replica caught up again.
 */
public final class ReadReplica {

  /** What readiness shows: configured or not, in use or not, and the measured staleness bound. */
  public record State(boolean configured, boolean inUse, Duration staleness, String problem) {
    public JsonObject toJson() {
      JsonObject o = new JsonObject().put("configured", configured).put("inUse", inUse);
      if (staleness != null) {
        o.put("stalenessMs", staleness.toMillis());
      }
      if (problem != null) {
        o.put("problem", problem);
      }
      return o;
    }
  }

  private static final String PRIMARY_POSITION = "SELECT pg_current_wal_lsn()::text";
  // A server not in recovery (promoted, or the primary itself) has nothing to replay.
  private static final String REPLAYED_SINCE = """
      SELECT CASE WHEN pg_is_in_recovery() THEN coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false)
                  ELSE true END""";

  private final Pool primary;
  private final Pool replica;
  private final Duration maxLag;
  private volatile Instant caughtUpAt;
  private volatile String problem = "not probed yet";

  private ReadReplica(Pool primary, Pool replica, Duration maxLag) {
    this.primary = primary;
    this.replica = replica;
    this.maxLag = maxLag;
  }

  /** No replica: every read goes to the primary. */
  public static ReadReplica none(Pool primary) {
    return new ReadReplica(primary, null, Duration.ZERO);
  }

  public static ReadReplica of(Pool primary, Pool replica, Duration maxLag) {
    return new ReadReplica(primary, replica, maxLag);
  }

  /**
   * From the configuration: {@code BINHYEN_DB_READ_URL} (none: every read on the primary),
   * {@code BINHYEN_DB_READ_MAX_LAG_SECONDS} (1–3600, default 10) and {@code BINHYEN_DB_READ_POOL_SIZE};
   * started, probing every second.
   */
  public static ReadReplica configured(Vertx vertx, vn.binhyen.core.config.Config config, DatabaseSetup database, Pool primary) {
    var settings = config.settings();
    var url = settings.text("BINHYEN_DB_READ_URL").filter(u -> !u.isBlank());
    int maxLag = settings.integer("BINHYEN_DB_READ_MAX_LAG_SECONDS", 10, 1, 3600);
    int size = settings.integer("BINHYEN_DB_READ_POOL_SIZE", config.dbPoolSize(), 1, 1000);
    if (url.isEmpty()) {
      return none(primary);
    }
    if (!url.get().startsWith("postgresql://") && !url.get().startsWith("postgres://")) {
      throw new vn.binhyen.core.config.ConfigException("BINHYEN_DB_READ_URL", "must be a postgresql://host:port/database URL");
    }
    ReadReplica replica = of(primary, database.readPool(vertx, size, "binhyen-read", url.get()), Duration.ofSeconds(maxLag));
    replica.start(vertx, Duration.ofSeconds(1));
    DbUrl at = DbUrl.parse(url.get());
    org.slf4j.LoggerFactory.getLogger(ReadReplica.class).info(
        "Stale-tolerant reads go to {}:{} while it is at most {} s behind the primary", at.host(), at.port(), maxLag);
    return replica;
  }

  /** Probes every {@code every} from now on (and once at once). */
  public void start(Vertx vertx, Duration every) {
    if (replica == null) {
      return;
    }
    probe();
    vertx.setPeriodic(every.toMillis(), id -> probe());
  }

  /** One measurement; completes when it is recorded (never fails). */
  public Future<Void> probe() {
    if (replica == null) {
      return Future.succeededFuture();
    }
    Instant started = Instant.now();
    return primary.query(PRIMARY_POSITION).execute()
        .compose(rows -> replica.preparedQuery(REPLAYED_SINCE).execute(Tuple.of(rows.iterator().next().getString(0))))
        .timeout(2, TimeUnit.SECONDS)
        .map(rows -> {
          if (rows.iterator().next().getBoolean(0)) {
            caughtUpAt = started;
          }
          problem = null;
          return (Void) null;
        })
        .otherwise(e -> {
          problem = e.getClass().getSimpleName() + ": " + e.getMessage();
          return null;
        });
  }

  /** The pool for reads that may be stale by at most the bound: the replica while it holds, else the primary. */
  public Pool pool() {
    return inUse() ? replica : primary;
  }

  private boolean inUse() {
    Instant at = caughtUpAt;
    return replica != null && problem == null && at != null
        && Duration.between(at, Instant.now()).compareTo(maxLag) <= 0;
  }

  public State state() {
    if (replica == null) {
      return new State(false, false, null, null);
    }
    Instant at = caughtUpAt;
    String why = problem != null ? problem
        : at == null ? "never caught up with the primary"
        : inUse() ? null : "more than " + maxLag.toSeconds() + " s behind the primary";
    return new State(true, inUse(), at == null ? null : Duration.between(at, Instant.now()), why);
  }
}
