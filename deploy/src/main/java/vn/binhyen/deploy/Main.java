package vn.binhyen.deploy;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.binhyen.core.config.Config;
import vn.binhyen.core.config.ConfigException;
import vn.binhyen.core.config.ConfigLoader;
import vn.binhyen.core.db.DatabaseSetup;
import vn.binhyen.core.identity.Role;
import vn.binhyen.core.identity.UserService.NewUser;
import vn.binhyen.core.module.DemoData;
import vn.binhyen.core.runtime.DemoCountry;
import vn.binhyen.core.runtime.Platform;

/**
 * The jar's entry point: {@code serve}, {@code demo}, {@code migrate}, {@code create-admin},
 * {@code import-units}, {@code replay-reform}.
 */
@Command(name = "binhyen", mixinStandardHelpOptions = true, version = "BinhYen 0.1.0",
    description = "BinhYen: official pages, citizens' tips and roll-ups for Vietnam's police units.",
    subcommands = {Main.Serve.class, Main.Demo.class, Main.Migrate.class, Main.CreateAdmin.class,
        Main.ImportUnits.class, Main.ReplayReform.class, DatabaseCommand.class})
public final class Main {

  public static void main(String[] args) {
    // Hazelcast completes async calls on the common fork-join pool; with its default size on a
    // 2-core machine (1) the JDK starts a new thread per completion. Must be set before first use.
    if (System.getProperty("java.util.concurrent.ForkJoinPool.common.parallelism") == null) {
      System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism",
          Integer.toString(Math.max(4, Runtime.getRuntime().availableProcessors())));
    }
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      Throwable root = e;
      while (root.getCause() != null && !(root instanceof ConfigException)) {
        root = root.getCause();
      }
      System.err.println(root instanceof ConfigException ? root.getMessage() : "binhyen: " + e.getMessage());
      return 2;
    });
    int code = cli.execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  static Config config(Integer port) {
    Config c = ConfigLoader.fromEnvironment();
    return port == null ? c : c.withHttpPort(port);
  }

  static void runUntilStopped(Platform platform) throws InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      platform.close();
      stop.countDown();
    }, "binhyen-shutdown"));
    stop.await();
  }

  @Command(name = "serve", description = "Run a node (configured by BINHYEN_* variables).")
  static final class Serve implements Callable<Integer> {
    @Option(names = "--port", description = "HTTP port (overrides BINHYEN_HTTP_PORT)") Integer port;

    @Override
    public Integer call() throws Exception {
      Platform platform = Platform.start(config(port));
      DemoCountry.ensureRoot(platform.services()).await();
      platform.services().markAccepting();
      runUntilStopped(platform);
      return 0;
    }
  }

  @Command(name = "demo", description = "Run a node with the demo country: the ministry, 34 provinces, 3,321 communes, users for every role.")
  static final class Demo implements Callable<Integer> {
    @Option(names = "--port", description = "HTTP port (overrides BINHYEN_HTTP_PORT)") Integer port;
    @Option(names = "--password", description = "Set every demo user's password to this (for scripts); default: random, printed") String password;

    @Override
    public Integer call() throws Exception {
      long t0 = System.nanoTime();
      Platform platform = Platform.start(config(port));
      DemoData demo = DemoCountry.seed(platform.services(), platform.modules(), Optional.ofNullable(password));
      StringBuilder out = new StringBuilder("\n=== BinhYen demo is running: http://localhost:" + platform.httpPort() + "/ ===\n");
      out.append("Demo users (username / password):\n");
      DemoCountry.USERS.forEach(u -> out.append(String.format("  %-22s %-16s %s @ %s%n", u.username(),
          demo.passwords().get(u.username()), u.role(), u.unitCode())));
      out.append(String.format("Started in %.1f s. Stop with Ctrl+C.%n", (System.nanoTime() - t0) / 1e9));
      System.out.println(out);
      runUntilStopped(platform);
      return 0;
    }
  }

  @Command(name = "migrate", description = "Apply the database migrations and exit.")
  static final class Migrate implements Callable<Integer> {
    @Override
    public Integer call() {
      try (DatabaseSetup db = DatabaseSetup.open(ConfigLoader.fromEnvironment(),
          java.util.stream.Stream.concat(java.util.stream.Stream.of("core"),
              Platform.discoverModules().stream().map(m -> m.name())).toList())) {
        System.out.println("Migrations applied.");
      }
      return 0;
    }
  }

  @Command(name = "create-admin", description = "Create the first ministry admin; the password is read from the console or BINHYEN_ADMIN_PASSWORD, never a default.")
  static final class CreateAdmin implements Callable<Integer> {
    @Option(names = "--username", required = true) String username;
    @Option(names = "--name", defaultValue = "Quản trị Bộ Công an") String displayName;

    @Override
    public Integer call() {
      String pw = ConfigLoader.fromEnvironment().settings().text("BINHYEN_ADMIN_PASSWORD").orElse(null);
      if (pw == null && System.console() != null) {
        pw = new String(System.console().readPassword("Password for %s (10+ characters): ", username));
      }
      if (pw == null || pw.length() < 10) {
        System.err.println("A password of at least 10 characters is required (console or BINHYEN_ADMIN_PASSWORD).");
        return 2;
      }
      Config c = ConfigLoader.fromEnvironment().withHttpPort(0);
      try (Platform platform = Platform.start(c)) {
        var s = platform.services();
        DemoCountry.ensureRoot(s).await();
        var root = s.tenantDirectory().byCode("BCA").await();
        var user = s.users().create(null, root, new NewUser(username, displayName, Role.MINISTRY_ADMIN, pw)).await();
        System.out.println("Created ministry admin " + user.username());
      }
      return 0;
    }
  }

  @Command(name = "import-units", description = "Import administrative units from a code,name,level,parent_code CSV (validated line by line, all or nothing, idempotent).")
  static final class ImportUnits implements Callable<Integer> {
    @CommandLine.Parameters(index = "0", description = "the CSV file") java.nio.file.Path file;
    @Option(names = "--under", defaultValue = "BCA", description = "unit to import below (default BCA)") String under;
    @Option(names = "--dry-run", description = "report what would change, write nothing") boolean dryRun;

    @Override
    public Integer call() throws Exception {
      try (Platform platform = Platform.start(ConfigLoader.fromEnvironment().withHttpPort(0))) {
        DemoCountry.ensureRoot(platform.services()).await();
        return vn.binhyen.admin.cli.AdminCommands.importUnits(platform.services(), under, file, dryRun, System.out);
      }
    }
  }

  @Command(name = "replay-reform", description = "Apply a reform (old units, new units, old→new mapping) as one reorganisation; prints the dry-run report first.")
  static final class ReplayReform implements Callable<Integer> {
    @Option(names = "--old", required = true) java.nio.file.Path oldUnits;
    @Option(names = "--new", required = true) java.nio.file.Path newUnits;
    @Option(names = "--mapping", required = true) java.nio.file.Path mapping;
    @Option(names = "--dry-run", description = "report what would change, write nothing") boolean dryRun;

    @Override
    public Integer call() throws Exception {
      try (Platform platform = Platform.start(ConfigLoader.fromEnvironment().withHttpPort(0))) {
        return vn.binhyen.admin.cli.AdminCommands.replayReform(platform.services(), oldUnits, newUnits, mapping,
            dryRun, System.out);
      }
    }
  }
}
