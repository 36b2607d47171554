package vn.binhyen.core.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads {@link Config} from environment variables, over an optional properties file named by
 * {@code BINHYEN_CONFIG} (same key names). The environment wins over the file.
 */
public final class ConfigLoader {

  private final Map<String, String> values;

  private ConfigLoader(Map<String, String> values) {
    this.values = values;
  }

  /** The process environment, over the file named by BINHYEN_CONFIG if set. */
  public static Config fromEnvironment() {
    return from(System.getenv());
  }

  /** For tests and sub-commands: the given map plays the environment. */
  public static Config from(Map<String, String> env) {
    return new ConfigLoader(merged(env)).build();
  }

  /** Only the keys (environment over file), for a module's own settings in tests. */
  public static Settings settings(Map<String, String> env) {
    return Settings.of(merged(env));
  }

  private static Map<String, String> merged(Map<String, String> env) {
    Map<String, String> merged = new HashMap<>();
    String file = env.get("BINHYEN_CONFIG");
    if (file != null && !file.isBlank()) {
      merged.putAll(readFile(Path.of(file)));
    }
    env.forEach((k, v) -> {
      if (k.startsWith("BINHYEN_")) {
        merged.put(k, v);
      }
    });
    return merged;
  }

  private static Map<String, String> readFile(Path file) {
    if (!Files.isReadable(file)) {
      throw new ConfigException("BINHYEN_CONFIG", "names a file that cannot be read: " + file);
    }
    Properties props = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(r);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("BINHYEN_CONFIG", "file " + file + " is not a valid properties file: " + e.getMessage());
    }
    Map<String, String> out = new HashMap<>();
    props.forEach((k, v) -> out.put(k.toString().trim(), v.toString().trim()));
    return out;
  }

  private Config build() {
    Path dataDir = Path.of(text("BINHYEN_DATA_DIR", "data")).toAbsolutePath().normalize();
    int port = integer("BINHYEN_HTTP_PORT", 8080);
    return new Config(
        port,
        integer("BINHYEN_HTTP_INSTANCES", Math.max(1, Runtime.getRuntime().availableProcessors())),
        dbUrl(),
        dataDir,
        integer("BINHYEN_DB_POOL_SIZE", 16),
        text("BINHYEN_CLUSTER_NAME", "binhyen"),
        text("BINHYEN_CLUSTER_HOST", "127.0.0.1"),
        integer("BINHYEN_CLUSTER_PORT", 5701),
        Arrays.stream(text("BINHYEN_CLUSTER_MEMBERS", "127.0.0.1").split(","))
            .map(String::trim).filter(s -> !s.isEmpty()).toList(),
        Path.of(text("BINHYEN_MASTER_KEY_FILE", dataDir.resolve("master.key").toString())),
        Optional.ofNullable(values.get("BINHYEN_MASTER_KEY")).filter(s -> !s.isBlank()),
        text("BINHYEN_PUBLIC_URL", "http://localhost:" + port).replaceAll("/+$", ""),
        Duration.ofSeconds(integer("BINHYEN_ACCESS_TOKEN_TTL_SECONDS", 900)),
        Duration.ofSeconds(integer("BINHYEN_REFRESH_TOKEN_TTL_SECONDS", 12 * 3600)),
        integer("BINHYEN_BODY_LIMIT_BYTES", 256 * 1024),
        integer("BINHYEN_UPLOAD_LIMIT_BYTES", 20 * 1024 * 1024),
        integer("BINHYEN_LOGIN_FAILURES_PER_ACCOUNT", 5),
        integer("BINHYEN_LOGIN_FAILURES_PER_ADDRESS", 50),
        Optional.ofNullable(values.get("BINHYEN_CLUSTER_KUBERNETES_DNS")).map(String::trim)
            .filter(s -> !s.isEmpty()),
        trustedProxies(),
        integer("BINHYEN_CLUSTER_SIZE", 1),
        integer("BINHYEN_HTTP_MAX_LINE_BYTES", 8192),
        integer("BINHYEN_HTTP_MAX_HEADER_BYTES", 16 * 1024),
        publicCeilings(),
        text("BINHYEN_DB_APP_USER", "binhyen_app"),
        Optional.ofNullable(values.get("BINHYEN_DB_APP_PASSWORD")).filter(s -> !s.isBlank()),
        duration("BINHYEN_SHUTDOWN_DRAIN", Duration.ZERO),
        duration("BINHYEN_SHUTDOWN_GRACE", Duration.ofSeconds(10)),
        Settings.of(values));
  }

  private Optional<String> dbUrl() {
    String url = values.get("BINHYEN_DB_URL");
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(url.trim());
      if (!List.of("postgresql", "postgres").contains(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException("scheme");
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigException("BINHYEN_DB_URL",
          "must look like postgresql://user:password@host:5432/database (got an unusable value)");
    }
    return Optional.of(url.trim());
  }

  /** BINHYEN_TRUSTED_PROXIES: comma-separated addresses or CIDRs whose forwarded headers are believed. */
  private List<String> trustedProxies() {
    List<String> out = Arrays.stream(text("BINHYEN_TRUSTED_PROXIES", "").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
    for (String cidr : out) {
      try {
        vn.binhyen.core.http.ClientAddress.Cidr.parse(cidr);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("BINHYEN_TRUSTED_PROXIES", "'" + cidr + "' is not an address or CIDR ("
            + e.getMessage() + "), e.g. 10.0.0.0/8,127.0.0.1");
      }
    }
    return out;
  }

  /**
   * Cluster-wide requests a minute each public endpoint answers, over all clients together: the
   * defaults ({@link #PUBLIC_CEILINGS}), each overridable in BINHYEN_PUBLIC_CEILINGS as
   * {@code endpoint=perMinute} pairs separated by commas (docs/configuration.md).
   */
  private Map<String, Integer> publicCeilings() {
    Map<String, Integer> out = new java.util.TreeMap<>(PUBLIC_CEILINGS);
    for (String pair : text("BINHYEN_PUBLIC_CEILINGS", "").split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      String[] kv = pair.split("=", 2);
      String endpoint = kv[0].trim();
      if (kv.length != 2 || !PUBLIC_CEILINGS.containsKey(endpoint) || !kv[1].trim().matches("\\d{1,9}")) {
        throw new ConfigException("BINHYEN_PUBLIC_CEILINGS", "'" + pair.trim() + "' is not endpoint=perMinute with"
            + " endpoint one of " + PUBLIC_CEILINGS.keySet() + ", e.g. verify=600000,tips.submit=30000");
      }
      out.put(endpoint, Integer.parseInt(kv[1].trim()));
    }
    return out;
  }

  /** Default cluster-wide ceilings a minute (docs/configuration.md explains each figure). */
  public static final Map<String, Integer> PUBLIC_CEILINGS = Map.of(
      "verify", 600_000,
      "impostor-check", 60_000,
      "impostor-report", 6_000,
      "tips.submit", 60_000,
      "tips.follow", 30_000,
      "units.search", 120_000,
      "qr.decode", 12_000);

  private String text(String key, String fallback) {
    String v = values.get(key);
    return v == null || v.isBlank() ? fallback : v.trim();
  }

  /** A duration: {@code 500ms}, {@code 2s} or a whole number of seconds ({@code 2}). */
  private Duration duration(String key, Duration fallback) {
    String v = values.get(key);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    var m = java.util.regex.Pattern.compile("(\\d{1,6})\\s*(ms|s)?").matcher(v.trim());
    if (!m.matches()) {
      throw new ConfigException(key, "must be a duration such as 2s, 500ms or 2 (seconds) (got \"" + v + "\")");
    }
    long n = Long.parseLong(m.group(1));
    return "ms".equals(m.group(2)) ? Duration.ofMillis(n) : Duration.ofSeconds(n);
  }

  private int integer(String key, int fallback) {
    String v = values.get(key);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "must be a whole number (got \"" + v + "\")");
    }
  }
}
