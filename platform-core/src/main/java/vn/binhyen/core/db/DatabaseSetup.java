package vn.binhyen.core.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.List;
import java.util.Optional;
import vn.binhyen.core.config.Config;

/**
 * Finds the database (configured URL, or an embedded server in the data folder), applies the
 * migrations as the owner and builds the application's pool, which logs in as the application
 * role when its password is known (always for the embedded server) and otherwise as the owner
 * followed by {@code SET ROLE binhyen_app}.
 */
public final class DatabaseSetup implements AutoCloseable {

  private final DbUrl url;
  private final Optional<DbUrl> appUrl;
  private final Optional<EmbeddedDatabase> embedded;

  private DatabaseSetup(DbUrl url, Optional<DbUrl> appUrl, Optional<EmbeddedDatabase> embedded) {
    this.url = url;
    this.appUrl = appUrl;
    this.embedded = embedded;
  }

  /** Blocking: call before Vert.x serves requests or from a worker. */
  public static DatabaseSetup open(Config config, List<String> modules) {
    Optional<EmbeddedDatabase> embedded = Optional.empty();
    DbUrl parsed;
    Optional<DbUrl> app;
    if (config.dbUrl().isPresent()) {
      parsed = DbUrl.parse(config.dbUrl().get());
      app = config.dbAppLogin().map(l -> parsed.as(l.user(), l.password()));
    } else {
      EmbeddedDatabase db = EmbeddedDatabase.start(config.embeddedDbDir(),
          config.dataDir().resolve("pg-bin"), true);
      embedded = Optional.of(db);
      parsed = DbUrl.parse(db.url());
      app = Optional.of(parsed.as(db.credentials().appUser(), db.credentials().appPassword()));
    }
    try {
      Migrations.apply(parsed, modules);
    } catch (RuntimeException e) {
      embedded.ifPresent(EmbeddedDatabase::close);
      throw new IllegalStateException("Database migrations failed on " + parsed.host() + ":"
          + parsed.port() + "/" + parsed.database() + ": " + e.getMessage(), e);
    }
    return new DatabaseSetup(parsed, app, embedded);
  }

  /** The owner's URL (migrations, tools). */
  public DbUrl url() {
    return url;
  }

  /** The application role's own login, when it has one (else the pool uses SET ROLE). */
  public Optional<DbUrl> appUrl() {
    return appUrl;
  }

  /** A pool whose every connection runs as {@code binhyen_app} (row-level security applies). */
  public Pool appPool(Vertx vertx, int size, String name) {
    PgConnectOptions connect = appUrl.orElse(url).connectOptions();
    var builder = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(size).setName(name).setShared(false)
            .setConnectionTimeout(3).setMaxWaitQueueSize(2000))
        .with(new io.vertx.core.net.NetClientOptions().setConnectTimeout(2000))
        .connectingTo(connect);
    boolean setRole = appUrl.isEmpty();
    builder = builder.withConnectHandler(conn -> writable(conn)
        // Only without an application login: the owner's session is narrowed to binhyen_app, which
        // injected SQL could undo with RESET ROLE. Db.SET_SCOPE sets the role again per transaction.
        .compose(ok -> setRole ? conn.query("SET ROLE binhyen_app").execute().mapEmpty() : Future.succeededFuture())
        .onComplete(ar -> conn.close()));
    return builder.using(vertx).build();
  }

  /**
   * A pool of {@code size} connections to a replica for stale-tolerant reads: the server, port and
   * database of {@code readUrl}, logging in with the URL's own user and password when it has them,
   * else as the application pool does. Its connections may be in recovery: that is the point.
   */
  public Pool readPool(Vertx vertx, int size, String name, String readUrl) {
    DbUrl at = DbUrl.parse(readUrl);
    DbUrl login = appUrl.orElse(url);
    boolean ownLogin = java.net.URI.create(readUrl).getRawUserInfo() != null;
    PgConnectOptions connect = (ownLogin ? at : at.as(login.user(), login.password())).connectOptions();
    boolean setRole = !ownLogin && appUrl.isEmpty();
    var builder = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(size).setName(name).setShared(false)
            .setConnectionTimeout(3).setMaxWaitQueueSize(2000))
        .with(new io.vertx.core.net.NetClientOptions().setConnectTimeout(2000))
        .connectingTo(connect);
    if (setRole) {
      builder = builder.withConnectHandler(conn -> conn.query("SET ROLE binhyen_app").execute()
          .onComplete(ar -> conn.close()));
    }
    return builder.using(vertx).build();
  }

  /**
   * A new connection that reached a server in recovery (a replica, or a primary demoted while a
   * proxy such as HAProxy still routed to it) would refuse every write with SQLSTATE 25006 for as
   * long as the pool kept it, and the pool does not drop a connection for an error. It ends its
   * own session instead (pg_terminate_backend of its own pid, allowed to every role for its own
   * backend; before SET ROLE, which would change whose backend it is): the pool sees it closed
   * and opens another, through the proxy, to the current primary.
   */
  static Future<Void> writable(io.vertx.sqlclient.SqlConnection conn) {
    return conn.query(DROP_IF_READ_ONLY).execute().mapEmpty();
  }

  static final String DROP_IF_READ_ONLY =
      "SELECT pg_terminate_backend(pg_backend_pid()) WHERE pg_is_in_recovery()";

  @Override
  public void close() {
    embedded.ifPresent(EmbeddedDatabase::close);
  }
}
