package vn.binhyen.deploy;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.binhyen.core.db.EmbeddedDatabase;

/**
 * {@code db}: a standalone embedded PostgreSQL (the same zonky binaries a node embeds) on a fixed
 * port, for a local cluster whose nodes share it. Durable (fsync on); stops cleanly on SIGTERM.
 * Also runnable as {@code java -cp binhyen.jar vn.binhyen.deploy.DatabaseCommand}.
 */
@Command(name = "db", mixinStandardHelpOptions = true,
    description = "Run a standalone embedded PostgreSQL for a local cluster (prints its URL).")
public final class DatabaseCommand implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "15432", description = "TCP port on localhost (default ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--data-dir", defaultValue = "deploy/run/cluster/postgres",
      description = "data folder, kept between starts (default ${DEFAULT-VALUE})")
  Path dataDir;

  public static void main(String[] args) {
    System.exit(new CommandLine(new DatabaseCommand()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    Path data = dataDir.toAbsolutePath().normalize();
    EmbeddedDatabase db = EmbeddedDatabase.start(data.resolve("data"), data.resolve("bin"), true, port);
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      db.close();
      stop.countDown();
    }, "binhyen-db-shutdown"));
    System.out.println("PostgreSQL is running: BINHYEN_DB_URL=" + db.url() + " (stop with Ctrl+C or SIGTERM)");
    stop.await();
    return 0;
  }
}
