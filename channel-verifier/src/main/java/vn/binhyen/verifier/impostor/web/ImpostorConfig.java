package vn.binhyen.verifier.impostor.web;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import vn.binhyen.core.config.ConfigException;
import vn.binhyen.verifier.impostor.ScoringThresholds;

/**
 * The impostor module's configuration: scoring thresholds, public rate limits and the screenshot
 * limit, from {@code BINHYEN_IMPOSTOR_*} keys (environment over the BINHYEN_CONFIG file, as for the
 * core configuration). Documented in docs/configuration.md, section "Impostor scoring".
 */
public record ImpostorConfig(ScoringThresholds thresholds, int checksPerMinute, int reportsPerHour,
    int screenshotMaxBytes) {

  public ImpostorConfig {
    if (checksPerMinute < 1 || reportsPerHour < 1) {
      throw new ConfigException("BINHYEN_IMPOSTOR_CHECKS_PER_MINUTE", "rate limits must be at least 1");
    }
    if (screenshotMaxBytes < 1024 || screenshotMaxBytes > 20 * 1024 * 1024) {
      throw new ConfigException("BINHYEN_IMPOSTOR_SCREENSHOT_MAX_BYTES", "must be 1024–20971520");
    }
  }

  public static final ImpostorConfig DEFAULTS =
      new ImpostorConfig(ScoringThresholds.DEFAULTS, 60, 30, 5 * 1024 * 1024);

  /** The process environment, over the file named by BINHYEN_CONFIG. */
  public static ImpostorConfig fromEnvironment() {
    return from(System.getenv());
  }

  /** {@code env} plays the environment (tests). */
  public static ImpostorConfig from(Map<String, String> env) {
    Map<String, String> v = new HashMap<>();
    String file = env.get("BINHYEN_CONFIG");
    if (file != null && !file.isBlank()) {
      v.putAll(readFile(Path.of(file)));
    }
    env.forEach((k, val) -> {
      if (k.startsWith("BINHYEN_IMPOSTOR_")) {
        v.put(k, val);
      }
    });
    ScoringThresholds d = ScoringThresholds.DEFAULTS;
    ScoringThresholds thresholds;
    try {
      thresholds = ScoringThresholds.fromJson(new JsonObject()
          .put("suspectThreshold", decimal(v, "BINHYEN_IMPOSTOR_SUSPECT_THRESHOLD", d.suspectThreshold()))
          .put("nameSimilarityThreshold", decimal(v, "BINHYEN_IMPOSTOR_NAME_SIMILARITY", d.nameSimilarityThreshold()))
          .put("maxHandleEditDistance", integer(v, "BINHYEN_IMPOSTOR_MAX_HANDLE_EDITS", d.maxHandleEditDistance()))
          .put("handleLengthPerEdit", integer(v, "BINHYEN_IMPOSTOR_HANDLE_LENGTH_PER_EDIT", d.handleLengthPerEdit()))
          .put("minDomainCoreLength", integer(v, "BINHYEN_IMPOSTOR_MIN_DOMAIN_CORE", d.minDomainCoreLength()))
          .put("maxResemblances", integer(v, "BINHYEN_IMPOSTOR_MAX_RESEMBLANCES", d.maxResemblances()))
          .put("maxNamedUnitChannels", integer(v, "BINHYEN_IMPOSTOR_MAX_NAMED_UNIT_CHANNELS", d.maxNamedUnitChannels())));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("BINHYEN_IMPOSTOR_*", e.getMessage());
    }
    return new ImpostorConfig(thresholds,
        integer(v, "BINHYEN_IMPOSTOR_CHECKS_PER_MINUTE", DEFAULTS.checksPerMinute()),
        integer(v, "BINHYEN_IMPOSTOR_REPORTS_PER_HOUR", DEFAULTS.reportsPerHour()),
        integer(v, "BINHYEN_IMPOSTOR_SCREENSHOT_MAX_BYTES", DEFAULTS.screenshotMaxBytes()));
  }

  private static Map<String, String> readFile(Path file) {
    Properties props = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(r);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("BINHYEN_CONFIG", "file " + file + " cannot be read: " + e.getMessage());
    }
    Map<String, String> out = new HashMap<>();
    props.forEach((k, val) -> out.put(k.toString().trim(), val.toString().trim()));
    return out;
  }

  private static int integer(Map<String, String> v, String key, int fallback) {
    String s = v.get(key);
    if (s == null || s.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "must be a whole number (got \"" + s + "\")");
    }
  }

  private static double decimal(Map<String, String> v, String key, double fallback) {
    String s = v.get(key);
    if (s == null || s.isBlank()) {
      return fallback;
    }
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "must be a number such as 0.5 (got \"" + s + "\")");
    }
  }
}
