package vn.binhyen.core.db;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.List;
import java.util.Optional;
import vn.binhyen.core.config.Config;

/**
 * Finds the database (configured URL, or an embedded server in the data folder), applies the
 * migrations and builds the application's pool.
 */
public final class DatabaseSetup implements AutoCloseable {

  private final DbUrl url;
  private final Optional<EmbeddedDatabase> embedded;

  private DatabaseSetup(DbUrl url, Optional<EmbeddedDatabase> embedded) {
    this.url = url;
    this.embedded = embedded;
  }

  /** Blocking: call before Vert.x serves requests or from a worker. */
  public static DatabaseSetup open(Config config, List<String> modules) {
    Optional<EmbeddedDatabase> embedded = Optional.empty();
    String url;
    if (config.dbUrl().isPresent()) {
      url = config.dbUrl().get();
    } else {
      EmbeddedDatabase db = EmbeddedDatabase.start(config.embeddedDbDir(),
          config.dataDir().resolve("pg-bin"), true);
      embedded = Optional.of(db);
      url = db.url();
    }
    DbUrl parsed = DbUrl.parse(url);
    try {
      Migrations.apply(parsed, modules);
    } catch (RuntimeException e) {
      embedded.ifPresent(EmbeddedDatabase::close);
      throw new IllegalStateException("Database migrations failed on " + parsed.host() + ":"
          + parsed.port() + "/" + parsed.database() + ": " + e.getMessage(), e);
    }
    return new DatabaseSetup(parsed, embedded);
  }

  public DbUrl url() {
    return url;
  }

  /** A pool whose every connection runs as {@code binhyen_app} (row-level security applies). */
  public Pool appPool(Vertx vertx, int size, String name) {
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(size).setName(name).setShared(false)
            .setConnectionTimeout(3).setMaxWaitQueueSize(2000))
        .with(new io.vertx.core.net.NetClientOptions().setConnectTimeout(2000))
        .connectingTo(url.connectOptions())
        .withConnectHandler(conn -> conn.query("SET ROLE binhyen_app").execute()
            .onComplete(ar -> conn.close()))
        .using(vertx)
        .build();
  }

  @Override
  public void close() {
    embedded.ifPresent(EmbeddedDatabase::close);
  }
}
