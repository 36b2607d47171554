package vn.binhyen.deploy.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/cluster.sh} with one node on private ports: its PostgreSQL asks for passwords,
 * {@code status} tells a dead PostgreSQL from a live one by asking it (not a log line), and
 * {@code start} brings a dead one back.
 */
class ClusterScriptIT {

  private static final Path SCRIPT = Path.of("cluster.sh").toAbsolutePath();
  private static Path run;
  private static Map<String, String> env;
  private static int pgPort;
  private static final Map<String, String> JAR_CHECK = Map.of("BINHYEN_PG_CHECK", "jar");

  record Result(int code, String out) {}

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static Result script(String... args) throws Exception {
    return script(Map.of(), args);
  }

  private static Result script(Map<String, String> more, String... args) throws Exception {
    java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("bash", SCRIPT.toString()));
    cmd.addAll(java.util.List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("BINHYEN_"));
    pb.environment().putAll(env);
    pb.environment().putAll(more);
    Path out = Files.createTempFile(run, "script", ".out");
    pb.redirectOutput(out.toFile());
    Process p = pb.start();
    if (!p.waitFor(240, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("cluster.sh " + String.join(" ", args) + " took over 240 s: "
          + Files.readString(out));
    }
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
  }

  @BeforeAll
  static void startOneNode() throws Exception {
    run = Files.createDirectories(Path.of("target", "cluster-script-" + UUID.randomUUID().toString()
        .substring(0, 8)).toAbsolutePath());
    pgPort = freePort();
    env = new HashMap<>();
    env.put("BINHYEN_RUN_DIR", run.toString());
    env.put("BINHYEN_HTTP_BASE", String.valueOf(freePort()));
    env.put("BINHYEN_HZ_BASE", String.valueOf(freePort()));
    env.put("BINHYEN_PG_PORT", String.valueOf(pgPort));
    env.put("BINHYEN_CLUSTER_NAME", "script-" + UUID.randomUUID().toString().substring(0, 8));
    env.put("BINHYEN_CLASSPATH", System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path")));
    env.put("JAVA_OPTS", "-Xmx256m");
    Result start = script("start", "1");
    assertEquals(0, start.code(), start.out());
  }

  @AfterAll
  static void stop() throws Exception {
    if (env != null) {
      Result r = script("stop");
      assertEquals(0, r.code(), r.out());
    }
  }

  private static long serverPid() throws IOException {
    return Long.parseLong(Files.readAllLines(run.resolve("postgres/data/postmaster.pid")).get(0).strip());
  }

  @Test
  void status_tells_a_killed_postgres_and_start_brings_it_back() throws Exception {
    Result before = script("status");
    assertTrue(before.out().contains("running, accepting connections"), before.out());
    // The check where pg_isready is not installed: a login through the jar.
    Result byLogin = script(JAR_CHECK, "status");
    assertTrue(byLogin.out().contains("running, accepting connections"), byLogin.out());

    long pid = serverPid();
    ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
    assertTrue(new ProcessBuilder("kill", "-9", String.valueOf(pid)).start().waitFor() == 0);
    // Bounded wait for the kill to land (a real process, not a unit test).
    for (int i = 0; i < 100 && server.isAlive() && !zombie(pid); i++) {
      Thread.sleep(100);
    }

    Result dead = script("status");
    assertTrue(dead.out().contains("PostgreSQL  DOWN"), dead.out());
    assertFalse(dead.out().contains("accepting connections"), dead.out());
    Result deadByLogin = script(JAR_CHECK, "status");
    assertTrue(deadByLogin.out().contains("PostgreSQL  DOWN"), deadByLogin.out());

    Result again = script("start", "1");
    assertEquals(0, again.code(), again.out());
    assertTrue(again.out().contains("node1 already running"), "the node survived: " + again.out());
    long newPid = serverPid();
    assertTrue(newPid != pid, "a new server process");
    Result after = script("status");
    assertTrue(after.out().contains("running, accepting connections"), after.out());
    assertTrue(after.out().contains("\"UP\""), "node1 ready again: " + after.out());
  }

  private static boolean zombie(long pid) {
    try {
      return Files.readString(Path.of("/proc", String.valueOf(pid), "stat")).split("\\) ", 2)[1].startsWith("Z");
    } catch (IOException | RuntimeException e) {
      return true;
    }
  }

  @Test
  void the_cluster_postgres_refuses_a_login_without_the_generated_password() throws Exception {
    Path cred = run.resolve("postgres/postgres-credentials.properties");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cred)));
    Properties none = new Properties();
    none.setProperty("user", "postgres");
    none.setProperty("connectTimeout", "5");
    SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
        () -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres", none).close());
    assertEquals("08004", e.getSQLState(), e.getMessage());
    // The node's command line carries no password (the script exports it, not `env X=...`).
    String nodePid = Files.readString(run.resolve("node1.pid")).strip();
    String cmdline = Files.readString(Path.of("/proc", nodePid, "cmdline")).replace('\0', ' ');
    Properties c = new Properties();
    try (var r = Files.newBufferedReader(cred)) {
      c.load(r);
    }
    assertFalse(cmdline.contains(c.getProperty("owner.password")), cmdline);
    assertFalse(cmdline.contains(c.getProperty("app.password")), cmdline);
  }
}
