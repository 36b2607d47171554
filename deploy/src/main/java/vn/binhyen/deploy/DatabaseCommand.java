package vn.binhyen.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.binhyen.core.db.DbCredentials;
import vn.binhyen.core.db.EmbeddedDatabase;

/**
 * {@code db}: a standalone embedded PostgreSQL (the same zonky binaries a node embeds) on a fixed
 * port, for a local cluster whose nodes share it. Durable (fsync on); stops cleanly on SIGTERM;
 * exits with status 1 if the PostgreSQL server under it dies, so a supervisor (cluster.sh) sees
 * it gone. The logins are in {@code <data-dir>/postgres-credentials.properties} (mode 600).
 * {@code --check} answers whether the server accepts a login now (exit 0) or not (exit 1).
 * Also runnable as {@code java -cp binhyen.jar vn.binhyen.deploy.DatabaseCommand}.
 */
@Command(name = "db", mixinStandardHelpOptions = true,
    description = "Run a standalone embedded PostgreSQL for a local cluster (or --check one).")
public final class DatabaseCommand implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "15432", description = "TCP port on localhost (default ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--data-dir", defaultValue = "deploy/run/cluster/postgres",
      description = "data folder, kept between starts (default ${DEFAULT-VALUE})")
  Path dataDir;

  @Option(names = "--check", description = "do not start: log in as the owner now, exit 0 if that works")
  boolean check;

  public static void main(String[] args) {
    System.exit(new CommandLine(new DatabaseCommand()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    Path data = dataDir.toAbsolutePath().normalize();
    return check ? check(data.resolve("data")) : serve(data);
  }

  private Integer serve(Path data) throws InterruptedException {
    EmbeddedDatabase db = EmbeddedDatabase.start(data.resolve("data"), data.resolve("bin"), true, port);
    CountDownLatch stop = new CountDownLatch(1);
    AtomicBoolean stopping = new AtomicBoolean();
    AtomicBoolean died = new AtomicBoolean();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopping.set(true);
      if (!died.get()) {
        db.close();
      }
      stop.countDown();
    }, "binhyen-db-shutdown"));
    OptionalLong pid = db.postmasterPid();
    // Polled, not ProcessHandle.onExit: the server is not our child (pg_ctl started it), and a
    // killed one may stay a zombie that onExit still counts as alive.
    if (pid.isPresent()) {
      var watch = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "binhyen-db-watch");
        t.setDaemon(true);
        return t;
      });
      watch.scheduleWithFixedDelay(() -> {
        if (!stopping.get() && !running(pid.getAsLong())) {
          System.err.println("PostgreSQL (server pid " + pid.getAsLong() + ") exited unexpectedly: stopping too");
          died.set(true);
          stop.countDown();
        }
      }, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
    }
    System.out.println("PostgreSQL is running on port " + db.port() + " (server pid "
        + (pid.isPresent() ? pid.getAsLong() : "?") + "; logins in "
        + EmbeddedDatabase.credentialsFile(data.resolve("data")) + "; stop with Ctrl+C or SIGTERM)");
    stop.await();
    return died.get() ? 1 : 0;
  }

  /** Alive and not a zombie (Linux /proc; elsewhere whatever ProcessHandle says). */
  private static boolean running(long pid) {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    if (Files.isDirectory(Path.of("/proc", "self"))) {
      try {
        String s = Files.readString(stat);
        return !s.substring(s.lastIndexOf(')') + 2).startsWith("Z");
      } catch (java.io.IOException | RuntimeException e) {
        return false;
      }
    }
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private Integer check(Path pgData) {
    DbCredentials c = DbCredentials.read(EmbeddedDatabase.credentialsFile(pgData))
        .orElse(null);
    if (c == null) {
      System.err.println("no credentials file beside " + pgData + ": the server was never started");
      return 1;
    }
    Properties p = new Properties();
    p.setProperty("user", c.ownerUser());
    p.setProperty("password", c.ownerPassword());
    p.setProperty("connectTimeout", "3");
    p.setProperty("socketTimeout", "3");
    try (Connection conn = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", p)) {
      conn.createStatement().execute("SELECT 1");
      System.out.println("PostgreSQL on port " + port + " accepts connections");
      return 0;
    } catch (SQLException e) {
      System.err.println("PostgreSQL on port " + port + " does not accept connections: " + e.getMessage());
      return 1;
    }
  }
}
