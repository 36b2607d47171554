package vn.binhyen.core.config;

/** A wrong or missing configuration value; start-up stops with one line naming the key. */
public final class ConfigException extends RuntimeException {
  private final String key;

  public ConfigException(String key, String problem) {
    super("Configuration error: " + key + " " + problem);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
