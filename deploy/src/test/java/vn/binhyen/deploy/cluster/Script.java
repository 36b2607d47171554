package vn.binhyen.deploy.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command run to its end within a bound, its output (stdout and stderr) read from a file: a
 * script that leaves background processes behind (ha.sh start) would hold a pipe open forever.
 */
final class Script {

  record Result(int code, String out) {}

  private Script() {}

  static Result run(List<String> command, Map<String, String> env, int seconds) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("BINHYEN_"));
    pb.environment().putAll(env);
    Path out = Files.createTempFile("script", ".out");
    try {
      pb.redirectOutput(out.toFile());
      Process p = pb.start();
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " took over " + seconds + " s: " + Files.readString(out));
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
