package vn.binhyen.core.db;

import io.vertx.pgclient.PgConnectOptions;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** A {@code postgresql://user:password@host:port/db} URL, in the forms JDBC and Vert.x want. */
public record DbUrl(String host, int port, String database, String user, String password) {

  public static DbUrl parse(String url) {
    URI uri = URI.create(url);
    String user = "postgres";
    String password = "";
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : "";
    }
    String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
    return new DbUrl(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), db, user, password);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** The same server and database with another login. */
  public DbUrl as(String otherUser, String otherPassword) {
    return new DbUrl(host, port, database, otherUser, otherPassword);
  }

  @Override
  public String toString() {
    return "DbUrl[" + user + "@" + host + ":" + port + "/" + database + ", password hidden]";
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /**
   * The longest SQL text the connections keep prepared. The client's default (2,048 characters)
   * silently left longer statements unprepared: tip intake's batch statement (about 2,600) was
   * parsed and planned again for every batch, a fifth of the database's time at full load
   * (docs/benchmarks.md, "Intake over HTTP").
   */
  public static final int PREPARED_SQL_LIMIT = 32_768;

  public PgConnectOptions connectOptions() {
    return new PgConnectOptions()
        .setHost(host).setPort(port).setDatabase(database)
        .setUser(user).setPassword(password)
        .setCachePreparedStatements(true)
        .setPreparedStatementCacheMaxSize(512)
        .setPreparedStatementCacheSqlLimit(PREPARED_SQL_LIMIT)
        .setReconnectAttempts(0);
  }
}
