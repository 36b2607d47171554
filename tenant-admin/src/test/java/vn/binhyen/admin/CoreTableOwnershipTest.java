package vn.binhyen.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One owner per table (issue 15): platform-core's tables — every {@code CREATE TABLE} of its
 * {@code db/core} and {@code db/tips} migrations — are written only by platform-core (its
 * repositories and stores: {@code TenantStore}, {@code UserStore}, {@code ChannelStore}, …). The
 * main code of every other module (tenant-admin, channel-verifier, deploy) may read them but
 * contains no INSERT, UPDATE, DELETE, MERGE or TRUNCATE on them, and hands no core table's name to
 * {@code TenantRows}. See docs/architecture.md, "Table owners".
 */
class CoreTableOwnershipTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final List<String> OTHER_MODULES = List.of("tenant-admin", "channel-verifier", "deploy");
  private static final Pattern CREATE_TABLE = Pattern.compile(
      "(?i)\\bCREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:public\\.)?([a-z_][a-z0-9_]*)");

  @Test
  void noOtherModuleWritesACoreTable() {
    Set<String> core = coreTables();
    List<String> found = new ArrayList<>();
    for (String module : OTHER_MODULES) {
      Path main = ROOT.resolve(module).resolve("src/main");
      assertTrue(Files.isDirectory(main), "module sources not found: " + main);
      for (Path file : sources(main)) {
        found.addAll(writes(ROOT.relativize(file).toString(), read(file), core));
      }
    }
    assertEquals(List.of(), found, "platform-core's tables are written only through its stores "
        + "(TenantStore, UserStore, ChannelStore, …); move these statements there");
  }

  @Test
  void theCoreTablesAreFoundAndTheScannerSeesAWrite() {
    Set<String> core = coreTables();
    assertTrue(core.containsAll(Set.of("tenant", "tenant_successor", "app_user", "channel", "tip", "outbox")),
        "core tables: " + core);
    String sample = """
        UPDATE app_user u SET tenant_id = 1; INSERT INTO tenant_successor (a) VALUES (1);
        delete from tip where id = 1; UPDATE channel_figure SET x = 1; INSERT INTO reorg_review (a) VALUES (1);
        INSERT INTO channel_figure (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET a = 2;
        SELECT * FROM tenant; TenantRows.repath(tx, "tip_event", a, b); TenantRows.repath(tx, "channel_figure", a, b);
        """;
    assertEquals(List.of("sample: UPDATE app_user", "sample: INSERT INTO tenant_successor", "sample: delete from tip",
        "sample: TenantRows.repath(tx, \"tip_event\""), writes("sample", sample, core));
  }

  /** The tables platform-core's migrations create. */
  static Set<String> coreTables() {
    Set<String> tables = new TreeSet<>();
    for (String dir : List.of("core", "tips")) {
      Path migrations = ROOT.resolve("platform-core/src/main/resources/db").resolve(dir);
      assertTrue(Files.isDirectory(migrations), "core migrations not found: " + migrations);
      for (Path sql : sources(migrations)) {
        Matcher m = CREATE_TABLE.matcher(read(sql));
        while (m.find()) {
          tables.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    return tables;
  }

  /** Each write of a core table in {@code text}, as "where: statement start". */
  static List<String> writes(String where, String text, Set<String> core) {
    String names = String.join("|", core);
    Pattern write = Pattern.compile("(?i)\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO|TRUNCATE(?:\\s+TABLE)?)"
        + "\\s+(?:ONLY\\s+)?(?:public\\.)?(?:" + names + ")\\b"
        + "|TenantRows\\s*\\.\\s*\\w+\\s*\\([^;]*?\"(?:" + names + ")\"");
    List<String> out = new ArrayList<>();
    Matcher m = write.matcher(text);
    while (m.find()) {
      out.add(where + ": " + m.group().replaceAll("\\s+", " "));
    }
    return out;
  }

  private static List<Path> sources(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> p.toString().matches(".*\\.(java|sql|properties|yaml|yml|json)$"))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
