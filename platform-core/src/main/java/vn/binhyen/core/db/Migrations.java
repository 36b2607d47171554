package vn.binhyen.core.db;

import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the SQL migrations of platform-core and of every feature module (each has its own folder
 * and Flyway history table, so modules number their files independently). Runs as the owner.
 */
public final class Migrations {

  private static final Logger log = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {}

  /** @param modules module names in dependency order; module {@code m} keeps its SQL in {@code db/m}. */
  public static void apply(DbUrl url, List<String> modules) {
    for (String module : modules) {
      Flyway flyway = Flyway.configure()
          .dataSource(url.jdbcUrl(), url.user(), url.password())
          .locations("classpath:db/" + module)
          .table("flyway_history_" + module.replace('-', '_'))
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load();
      MigrateResult result = flyway.migrate();
      if (result.migrationsExecuted > 0) {
        log.info("Applied {} migration(s) of {} (now at version {})", result.migrationsExecuted,
            module, result.targetSchemaVersion);
      }
    }
  }
}
