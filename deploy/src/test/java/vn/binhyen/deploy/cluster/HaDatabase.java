package vn.binhyen.deploy.cluster;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import vn.binhyen.core.db.DbUrl;

/**
 * The database tier of {@code deploy/ha.sh} (etcd, three Patroni-managed PostgreSQL 15 servers,
 * HAProxy) started on private loopback ports under a state directory of the test's own, and the
 * operations the failover tests need: who leads, kill the leader's PostgreSQL, a switchover.
 */
final class HaDatabase implements AutoCloseable {

  /** What ha.sh needs from Debian (the test installs nothing itself; .ci/run does). */
  static final List<String> COMMANDS = List.of("/usr/bin/patroni", "/usr/bin/patronictl", "/usr/bin/etcd",
      "/usr/sbin/haproxy", "/usr/lib/postgresql/15/bin/postgres");

  private static final Path SCRIPT = Path.of("ha.sh").toAbsolutePath();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final Path state;
  final int base;
  final Map<String, String> env;

  private HaDatabase(Path state, int base, Map<String, String> env) {
    this.state = state;
    this.base = base;
    this.env = env;
  }

  /**
   * Fails (under CI=true, set by .ci/run, which installs the packages) or skips the test with
   * what to install when a command is missing.
   */
  static void requirePackages() {
    List<String> missing = COMMANDS.stream().filter(c -> !Files.isExecutable(Path.of(c))).toList();
    if (missing.isEmpty()) {
      return;
    }
    String message = "missing " + missing + ": apt-get install patroni etcd-server haproxy postgresql-15";
    if ("true".equals(System.getenv("CI"))) {
      throw new AssertionError(message);
    }
    Assumptions.abort(message);
  }

  /** Starts the database tier (ha.sh start 0) and returns once a leader takes writes. */
  static HaDatabase start(String name) throws IOException, InterruptedException {
    requirePackages();
    Path state = Path.of("target", "ha-" + name + "-" + ProcessHandle.current().pid()).toAbsolutePath();
    int base = freeBase();
    Map<String, String> env = Map.of("BINHYEN_HA_DIR", state.toString(), "BINHYEN_HA_PORT_BASE", Integer.toString(base));
    HaDatabase db = new HaDatabase(state, base, env);
    Script.Result started = db.script(180, "start", "0");
    if (started.code() != 0) {
      db.close();
      throw new AssertionError("ha.sh start failed: " + started.out());
    }
    return db;
  }

  /** A base port whose 40 ports are all free now. */
  private static int freeBase() {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = 20_000 + ThreadLocalRandom.current().nextInt(400) * 100;
      boolean free = true;
      for (int p = base; p < base + 40 && free; p++) {
        try (java.net.ServerSocket s = new java.net.ServerSocket(p, 1, java.net.InetAddress.getLoopbackAddress())) {
          free = s.isBound();
        } catch (IOException taken) {
          free = false;
        }
      }
      if (free) {
        return base;
      }
    }
    throw new IllegalStateException("no free port range");
  }

  Script.Result script(int seconds, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(args));
    return Script.run(command, env, seconds);
  }

  /** A line of db.env (BINHYEN_DB_URL, BINHYEN_DB_APP_PASSWORD, ...). */
  String setting(String key) throws IOException {
    return Files.readAllLines(state.resolve("db.env")).stream()
        .filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1))
        .findFirst().orElseThrow(() -> new IllegalStateException("no " + key + " in db.env"));
  }

  String ownerUrl() throws IOException {
    return setting("BINHYEN_DB_URL");
  }

  String appPassword() throws IOException {
    return setting("BINHYEN_DB_APP_PASSWORD");
  }

  /** A JDBC connection as the owner through HAProxy's primary port. */
  Connection owner() throws IOException, SQLException {
    return connect(DbUrl.parse(ownerUrl()));
  }

  /** A JDBC connection as PostgreSQL's superuser through HAProxy's primary port (WAL switches). */
  Connection superuser() throws IOException, SQLException {
    String password = Files.readAllLines(state.resolve("secrets.properties")).stream()
        .filter(l -> l.startsWith("superuser=")).map(l -> l.substring("superuser=".length())).findFirst().orElseThrow();
    return connect(DbUrl.parse(ownerUrl()).as("postgres", password));
  }

  static Connection connect(DbUrl u) throws SQLException {
    java.util.Properties p = new java.util.Properties();
    p.setProperty("user", u.user());
    p.setProperty("password", u.password());
    p.setProperty("connectTimeout", "5");
    p.setProperty("socketTimeout", "60");
    return DriverManager.getConnection(u.jdbcUrl(), p);
  }

  int restPort(int member) {
    return base + 30 + member;
  }

  /** Patroni's view of the cluster (GET /cluster on the first member that answers). */
  JsonObject cluster() {
    for (int i = 1; i <= 3; i++) {
      Optional<String> body = get(restPort(i), "/cluster");
      if (body.isPresent()) {
        return new JsonObject(body.get());
      }
    }
    throw new IllegalStateException("no Patroni member answers");
  }

  /** The leader's name (pg1..pg3), if there is one now. */
  Optional<String> leader() {
    try {
      JsonArray members = cluster().getJsonArray("members");
      for (int i = 0; i < members.size(); i++) {
        JsonObject m = members.getJsonObject(i);
        if ("leader".equals(m.getString("role")) && "running".equals(m.getString("state"))) {
          return Optional.of(m.getString("name"));
        }
      }
    } catch (IllegalStateException noAnswer) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** A member's role and state ("replica/streaming", "sync_standby/running", ...), or "absent". */
  String roleOf(String name) {
    JsonArray members = cluster().getJsonArray("members");
    for (int i = 0; i < members.size(); i++) {
      JsonObject m = members.getJsonObject(i);
      if (name.equals(m.getString("name"))) {
        return m.getString("role") + "/" + m.getString("state");
      }
    }
    return "absent";
  }

  /** SIGKILL to a member's postmaster (its pid from postmaster.pid); returns the pid. */
  long killPostgres(String member) throws IOException {
    String first = Files.readAllLines(state.resolve(member).resolve("data").resolve("postmaster.pid")).get(0).trim();
    long pid = Long.parseLong(first);
    ProcessHandle p = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(member + " has no postmaster"));
    p.destroyForcibly();
    return pid;
  }

  /** patronictl switchover to any synchronous candidate, without questions. */
  Script.Result switchover(String from) throws IOException, InterruptedException {
    Path config = state.resolve("pg1").resolve("patroni.yml");
    return Script.run(List.of("patronictl", "-c", config.toString(), "switchover", "--leader", from,
        "--force"), Map.of(), 60);
  }

  static void awaitTrue(int seconds, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + seconds + " s: " + what);
      }
      Cluster.sleep(250);
    }
  }

  private static Optional<String> get(int port, String path) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? Optional.of(r.body()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** ha.sh stop: no process of the tier is left. */
  @Override
  public void close() {
    try {
      script(120, "stop");
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
