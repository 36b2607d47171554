package vn.binhyen.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The node's configuration, built once at start from the environment and an optional file
 * ({@link ConfigLoader}) and passed to constructors. Every key is documented in docs/configuration.md.
 */
public record Config(
    int httpPort,
    int httpInstances,
    Optional<String> dbUrl,
    Path dataDir,
    int dbPoolSize,
    String clusterName,
    String clusterHost,
    int clusterPort,
    List<String> clusterMembers,
    Path masterKeyFile,
    Optional<String> masterKey,
    String publicUrl,
    Duration accessTokenTtl,
    Duration refreshTokenTtl,
    long bodyLimitBytes,
    long uploadLimitBytes,
    int loginFailuresPerAccount,
    int loginFailuresPerAddress,
    Optional<String> clusterKubernetesDns,
    List<String> trustedProxies,
    int clusterSize,
    Duration shutdownDrain,
    Duration shutdownGrace) {

  public Config {
    if (httpPort < 0 || httpPort > 65535) {
      throw new ConfigException("BINHYEN_HTTP_PORT", "must be a port number 0–65535");
    }
    if (httpInstances < 1 || httpInstances > 64) {
      throw new ConfigException("BINHYEN_HTTP_INSTANCES", "must be 1–64");
    }
    if (clusterSize < 1 || clusterSize > 1000) {
      throw new ConfigException("BINHYEN_CLUSTER_SIZE", "must be 1–1000 (1 turns the majority check off)");
    }
    if (shutdownDrain.isNegative() || shutdownDrain.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new ConfigException("BINHYEN_SHUTDOWN_DRAIN", "must be 0–300 s");
    }
    if (shutdownGrace.isNegative() || shutdownGrace.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new ConfigException("BINHYEN_SHUTDOWN_GRACE", "must be 0–300 s");
    }
    clusterMembers = List.copyOf(clusterMembers);
    trustedProxies = List.copyOf(trustedProxies);
  }

  /** The folder the embedded PostgreSQL keeps its data in when no database URL is configured. */
  public Path embeddedDbDir() {
    return dataDir.resolve("postgres");
  }

  /** The folder uploaded attachments are stored in, content-addressed. */
  public Path attachmentDir() {
    return dataDir.resolve("attachments");
  }

  public Config withHttpPort(int port) {
    return new Config(port, httpInstances, dbUrl, dataDir, dbPoolSize, clusterName, clusterHost,
        clusterPort, clusterMembers, masterKeyFile, masterKey, publicUrl, accessTokenTtl,
        refreshTokenTtl, bodyLimitBytes, uploadLimitBytes, loginFailuresPerAccount,
        loginFailuresPerAddress, clusterKubernetesDns, trustedProxies, clusterSize,
        shutdownDrain, shutdownGrace);
  }

  public Config withDbUrl(String url) {
    return new Config(httpPort, httpInstances, Optional.ofNullable(url), dataDir, dbPoolSize,
        clusterName, clusterHost, clusterPort, clusterMembers, masterKeyFile, masterKey, publicUrl,
        accessTokenTtl, refreshTokenTtl, bodyLimitBytes, uploadLimitBytes, loginFailuresPerAccount,
        loginFailuresPerAddress, clusterKubernetesDns, trustedProxies, clusterSize,
        shutdownDrain, shutdownGrace);
  }
}
