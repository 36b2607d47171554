package vn.binhyen.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
    int httpMaxLineBytes,
    int httpMaxHeaderBytes,
    Map<String, Integer> publicCeilingsPerMinute,
    String dbAppUser,
    Optional<String> dbAppPassword,
    Duration shutdownDrain,
    Duration shutdownGrace,
    Settings settings) {

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
    if (httpMaxLineBytes < 1024 || httpMaxLineBytes > 1024 * 1024) {
      throw new ConfigException("BINHYEN_HTTP_MAX_LINE_BYTES", "must be 1024–1048576");
    }
    if (httpMaxHeaderBytes < 1024 || httpMaxHeaderBytes > 1024 * 1024) {
      throw new ConfigException("BINHYEN_HTTP_MAX_HEADER_BYTES", "must be 1024–1048576");
    }
    publicCeilingsPerMinute.forEach((endpoint, perMinute) -> {
      if (perMinute == null || perMinute < 1) {
        throw new ConfigException("BINHYEN_PUBLIC_CEILINGS", "the ceiling of " + endpoint + " must be at least 1 a minute");
      }
    });
    publicCeilingsPerMinute = Map.copyOf(publicCeilingsPerMinute);
    if (!dbAppUser.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new ConfigException("BINHYEN_DB_APP_USER", "must be a plain lower-case role name");
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

  /** Without secrets (database passwords, the master key). */
  @Override
  public String toString() {
    return "Config[httpPort=" + httpPort + ", dataDir=" + dataDir + ", db="
        + dbUrl.map(u -> "configured").orElse("embedded") + ", dbAppUser=" + dbAppUser
        + ", dbAppPassword=" + (dbAppPassword.isPresent() ? "set" : "unset") + ", cluster="
        + clusterName + "@" + clusterHost + ":" + clusterPort + " " + clusterMembers + ", size="
        + clusterSize + "]";
  }

  /** The folder the embedded PostgreSQL keeps its data in when no database URL is configured. */
  public Path embeddedDbDir() {
    return dataDir.resolve("postgres");
  }

  /**
   * The application's own login on a configured server (BINHYEN_DB_APP_USER / _PASSWORD): same
   * host, port and database as {@link #dbUrl}. Empty: the pool logs in as the owner and runs
   * {@code SET ROLE binhyen_app} (weaker: injected SQL could RESET ROLE).
   */
  public Optional<DbUrlLogin> dbAppLogin() {
    return dbAppPassword.map(p -> new DbUrlLogin(dbAppUser, p));
  }

  /** A user name and password for a database login. */
  public record DbUrlLogin(String user, String password) {
    @Override
    public String toString() {
      return "DbUrlLogin[" + user + ", password hidden]";
    }
  }

  /** The folder uploaded attachments are stored in, content-addressed. */
  public Path attachmentDir() {
    return dataDir.resolve("attachments");
  }

  public Config withHttpPort(int port) {
    return new Config(port, httpInstances, dbUrl, dataDir, dbPoolSize, clusterName, clusterHost,
        clusterPort, clusterMembers, masterKeyFile, masterKey, publicUrl, accessTokenTtl,
        refreshTokenTtl, bodyLimitBytes, uploadLimitBytes, loginFailuresPerAccount,
        loginFailuresPerAddress, clusterKubernetesDns, trustedProxies, clusterSize, httpMaxLineBytes,
        httpMaxHeaderBytes, publicCeilingsPerMinute, dbAppUser, dbAppPassword, shutdownDrain, shutdownGrace, settings);
  }

  public Config withDbUrl(String url) {
    return new Config(httpPort, httpInstances, Optional.ofNullable(url), dataDir, dbPoolSize,
        clusterName, clusterHost, clusterPort, clusterMembers, masterKeyFile, masterKey, publicUrl,
        accessTokenTtl, refreshTokenTtl, bodyLimitBytes, uploadLimitBytes, loginFailuresPerAccount,
        loginFailuresPerAddress, clusterKubernetesDns, trustedProxies, clusterSize, httpMaxLineBytes,
        httpMaxHeaderBytes, publicCeilingsPerMinute, dbAppUser, dbAppPassword, shutdownDrain, shutdownGrace, settings);
  }
}
