package vn.binhyen.deploy.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.binhyen.core.testing.Http;

/**
 * A BinhYen node in a JVM of its own ({@code vn.binhyen.deploy.Main serve} on the test class
 * path), configured by BINHYEN_* variables, logging to a file. {@link #kill()} is SIGKILL:
 * {@code Process.destroyForcibly()} on Linux sends signal 9, so nothing of the node's shutdown runs.
 */
final class ExternalNode {

  /** The JDK 17 flags Hazelcast wants (STACK.md), as the surefire fork has them. */
  private static final List<String> JVM_FLAGS = List.of("-Xmx384m", "-XX:+UseSerialGC",
      "-XX:TieredStopAtLevel=1", "--add-modules", "java.se",
      "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens", "java.management/sun.management=ALL-UNNAMED",
      "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");

  final String name;
  final int httpPort;
  final int clusterPort;
  private final Map<String, String> env;
  private final Path log;
  private Process process;

  ExternalNode(String name, int httpPort, int clusterPort, Map<String, String> env, Path logDir) {
    this.name = name;
    this.httpPort = httpPort;
    this.clusterPort = clusterPort;
    this.env = Map.copyOf(env);
    this.log = logDir.resolve(name + ".log");
  }

  /** Launches the JVM; {@link Cluster#awaitReady} waits for it to serve. */
  synchronized void start() {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(JVM_FLAGS);
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.add("vn.binhyen.deploy.Main");
    cmd.add("serve");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().keySet().removeIf(k -> k.startsWith("BINHYEN_"));
    pb.environment().putAll(env);
    pb.environment().put("BINHYEN_HTTP_PORT", Integer.toString(httpPort));
    pb.environment().put("BINHYEN_CLUSTER_PORT", Integer.toString(clusterPort));
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, "=== start " + java.time.Instant.now() + "\n",
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      process = pb.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start node " + name + ": " + e, e);
    }
  }

  /** SIGKILL, and wait until the process is gone; its exit status (137 = 128 + signal 9). */
  synchronized int kill() throws InterruptedException {
    process.destroyForcibly();
    return process.waitFor();
  }

  /**
   * SIGTERM (the graceful stop of the shutdown hook: drain, grace, leave, close), then SIGKILL if it
   * hangs past 40 s; the exit status (143 = 128 + 15 after a graceful stop, 137 after SIGKILL).
   */
  synchronized int stop() throws InterruptedException {
    if (process == null) {
      return -1;
    }
    if (process.isAlive()) {
      resume();
      process.destroy();
      if (!process.waitFor(40, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
    return process.exitValue();
  }

  /** SIGSTOP: the JVM freezes (no heartbeats, no answers) until {@link #resume}. */
  void pause() {
    signal("STOP");
  }

  /** SIGCONT after {@link #pause}. */
  void resume() {
    signal("CONT");
  }

  private void signal(String name) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
          .redirectErrorStream(true).start();
      if (kill.waitFor() != 0) {
        throw new IllegalStateException("kill -" + name + " " + process.pid() + ": "
            + new String(kill.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  Http http() {
    return new Http(httpPort);
  }

  Path log() {
    return log;
  }

  @Override
  public String toString() {
    return name + " (http " + httpPort + ", hazelcast " + clusterPort + ")";
  }
}
