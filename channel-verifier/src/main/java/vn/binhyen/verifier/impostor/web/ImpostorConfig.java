package vn.binhyen.verifier.impostor.web;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import vn.binhyen.core.config.ConfigException;
import vn.binhyen.core.config.ConfigLoader;
import vn.binhyen.core.config.Settings;
import vn.binhyen.verifier.impostor.ScoringThresholds;

/**
 * The impostor module's configuration: scoring thresholds, public rate limits and the screenshot
 * limit, from the node's {@code BINHYEN_IMPOSTOR_*} settings (the one loader: environment over the
 * BINHYEN_CONFIG file). Documented in docs/configuration.md, section "Impostor scoring".
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

  /** {@code env} plays the environment, over the file named by its BINHYEN_CONFIG (tests). */
  public static ImpostorConfig from(Map<String, String> env) {
    return from(ConfigLoader.settings(env));
  }

  /** From the node's settings; a present but unusable value stops start-up naming its key. */
  public static ImpostorConfig from(Settings v) {
    ScoringThresholds d = ScoringThresholds.DEFAULTS;
    ScoringThresholds thresholds;
    try {
      thresholds = ScoringThresholds.fromJson(new JsonObject()
          .put("suspectThreshold", v.decimal("BINHYEN_IMPOSTOR_SUSPECT_THRESHOLD", d.suspectThreshold(), 0, 1))
          .put("nameSimilarityThreshold", v.decimal("BINHYEN_IMPOSTOR_NAME_SIMILARITY", d.nameSimilarityThreshold(), 0, 1))
          .put("maxHandleEditDistance", v.integer("BINHYEN_IMPOSTOR_MAX_HANDLE_EDITS", d.maxHandleEditDistance(), 0, 10))
          .put("handleLengthPerEdit", v.integer("BINHYEN_IMPOSTOR_HANDLE_LENGTH_PER_EDIT", d.handleLengthPerEdit(), 1, 100))
          .put("minDomainCoreLength", v.integer("BINHYEN_IMPOSTOR_MIN_DOMAIN_CORE", d.minDomainCoreLength(), 3, 100))
          .put("maxResemblances", v.integer("BINHYEN_IMPOSTOR_MAX_RESEMBLANCES", d.maxResemblances(), 1, 100))
          .put("maxNamedUnitChannels", v.integer("BINHYEN_IMPOSTOR_MAX_NAMED_UNIT_CHANNELS", d.maxNamedUnitChannels(), 1, 1000)));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("BINHYEN_IMPOSTOR_*", e.getMessage());
    }
    return new ImpostorConfig(thresholds,
        v.integer("BINHYEN_IMPOSTOR_CHECKS_PER_MINUTE", DEFAULTS.checksPerMinute(), 1, 1_000_000_000),
        v.integer("BINHYEN_IMPOSTOR_REPORTS_PER_HOUR", DEFAULTS.reportsPerHour(), 1, 1_000_000_000),
        v.integer("BINHYEN_IMPOSTOR_SCREENSHOT_MAX_BYTES", DEFAULTS.screenshotMaxBytes(), 1024, 20 * 1024 * 1024));
  }
}
