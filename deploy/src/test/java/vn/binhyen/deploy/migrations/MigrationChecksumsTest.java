package vn.binhyen.deploy.migrations;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Migrations go forward only: every migration that has landed is pinned by its SHA-256 in
 * {@code migration-checksums.txt}. Editing, renaming or deleting one fails here (a data folder
 * migrated before would no longer start: Flyway refuses a changed checksum), and so does a new
 * migration that is not yet pinned — append its line when it lands.
 */
class MigrationChecksumsTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void every_landed_migration_is_unchanged_and_every_migration_is_pinned() throws Exception {
    Map<String, String> pinned = pinned();
    List<String> problems = new ArrayList<>();
    for (var e : pinned.entrySet()) {
      Path file = ROOT.resolve(e.getKey());
      if (!Files.exists(file)) {
        problems.add("missing (a landed migration was renamed or deleted): " + e.getKey());
      } else if (!sha256(file).equals(e.getValue())) {
        problems.add("changed after it landed (fix forward with a new migration): " + e.getKey());
      }
    }
    for (String found : migrations()) {
      if (!pinned.containsKey(found)) {
        problems.add("not pinned (append `sha256sum " + found + "` to migration-checksums.txt): " + found);
      }
    }
    assertTrue(pinned.size() >= 15, "the pin list lost entries: " + pinned.size());
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  static Map<String, String> pinned() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (InputStream in = MigrationChecksumsTest.class.getResourceAsStream("/migration-checksums.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] parts = line.trim().split("\\s+", 2);
          out.put(parts[1], parts[0]);
        }
      }
    }
    return out;
  }

  static List<String> migrations() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT, 9)) {
      return files.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql"))
          .map(p -> ROOT.relativize(p).toString().replace('\\', '/'))
          .filter(p -> p.contains("/src/main/resources/db/") && !p.contains("/target/"))
          .sorted().toList();
    }
  }

  static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
