package vn.binhyen.core.config;

import java.util.Map;
import java.util.Optional;

/**
 * Every key the node was started with (the environment over the file named by BINHYEN_CONFIG),
 * read the same way by core and by every module: a feature module's own keys
 * ({@code BINHYEN_TIPS_*}, {@code BINHYEN_IMPOSTOR_*}, {@code BINHYEN_VERIFY_*}, …) come from here,
 * never from {@code System.getenv}. A value that is present but unusable stops start-up with a
 * {@link ConfigException} naming the key; an absent or blank one takes the default.
 */
public final class Settings {

  private final Map<String, String> values;

  private Settings(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** The given keys and values (tests; the loader builds the real one). */
  public static Settings of(Map<String, String> values) {
    return new Settings(values);
  }

  /** The trimmed value, if present and not blank. */
  public Optional<String> text(String key) {
    String v = values.get(key);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  public String text(String key, String fallback) {
    return text(key).orElse(fallback);
  }

  /** A whole number in {@code [min, max]}. */
  public int integer(String key, int fallback, int min, int max) {
    Optional<String> v = text(key);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.get());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ConfigException(key, "must be a whole number from " + min + " to " + max + " (got \"" + v.get() + "\")");
  }

  /** A decimal number in {@code [min, max]}, such as {@code 0.5}. */
  public double decimal(String key, double fallback, double min, double max) {
    Optional<String> v = text(key);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(v.get());
      if (d >= min && d <= max) {
        return d;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ConfigException(key, "must be a number from " + min + " to " + max + " such as 0.5 (got \"" + v.get() + "\")");
  }

  /** {@code true} or {@code false} (any case); anything else is refused, not read as false. */
  public boolean bool(String key, boolean fallback) {
    Optional<String> v = text(key);
    if (v.isEmpty()) {
      return fallback;
    }
    if (v.get().equalsIgnoreCase("true")) {
      return true;
    }
    if (v.get().equalsIgnoreCase("false")) {
      return false;
    }
    throw new ConfigException(key, "must be true or false (got \"" + v.get() + "\")");
  }
}
