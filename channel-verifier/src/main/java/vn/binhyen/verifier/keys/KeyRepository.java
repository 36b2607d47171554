package vn.binhyen.verifier.keys;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.binhyen.verifier.signing.Ed25519Keys;

/** SQL for {@code signing_key}. Private keys stay sealed here; the caller opens them. */
final class KeyRepository {

  /** A key row with its sealed private half. */
  record Row2(StoredKey key, byte[] sealedPrivate) {}

  private static final String COLUMNS = "kid, purpose, tenant_code, public_key, sealed_private, certificate, status,"
      + " created_at, retired_at, revoked_at, revoked_reason";
  private static final String INSERT = """
      INSERT INTO signing_key (kid, purpose, tenant_code, public_key, sealed_private, certificate)
      VALUES ($1, $2, $3, $4, $5, $6)""";
  private static final String ALL = "SELECT " + COLUMNS + " FROM signing_key ORDER BY created_at, kid";
  private static final String ACTIVE = "SELECT " + COLUMNS
      + " FROM signing_key WHERE purpose = $1 AND tenant_code = $2 AND status = 'active'";
  private static final String BY_KID = "SELECT " + COLUMNS + " FROM signing_key WHERE kid = $1";
  private static final String RETIRE = """
      UPDATE signing_key SET status = 'retired', retired_at = now()
       WHERE kid = $1 AND status = 'active'""";
  private static final String REVOKE = """
      UPDATE signing_key SET status = 'revoked', revoked_at = now(), revoked_reason = $2
       WHERE kid = $1 AND status <> 'revoked'""";

  Future<Void> insert(SqlClient db, StoredKey key, byte[] sealedPrivate) {
    return db.preparedQuery(INSERT)
        .execute(Tuple.of(key.kid(), key.purpose().id(), key.tenantCode(), Buffer.buffer(key.publicKey().raw()),
            Buffer.buffer(sealedPrivate), key.certificate()))
        .mapEmpty();
  }

  Future<List<StoredKey>> all(SqlClient db) {
    return db.preparedQuery(ALL).execute().map(rows -> {
      List<StoredKey> out = new ArrayList<>();
      rows.forEach(r -> out.add(map(r).key()));
      return out;
    });
  }

  Future<Optional<Row2>> active(SqlClient db, StoredKey.Purpose purpose, String tenantCode) {
    return db.preparedQuery(ACTIVE).execute(Tuple.of(purpose.id(), tenantCode)).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(map(it.next())) : Optional.empty();
    });
  }

  Future<Optional<Row2>> byKid(SqlClient db, String kid) {
    return db.preparedQuery(BY_KID).execute(Tuple.of(kid)).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(map(it.next())) : Optional.empty();
    });
  }

  Future<Boolean> retire(SqlClient db, String kid) {
    return db.preparedQuery(RETIRE).execute(Tuple.of(kid)).map(r -> r.rowCount() == 1);
  }

  Future<Boolean> revoke(SqlClient db, String kid, String reason) {
    return db.preparedQuery(REVOKE).execute(Tuple.of(kid, reason)).map(r -> r.rowCount() == 1);
  }

  private static Row2 map(Row r) {
    StoredKey key = new StoredKey(r.getString("kid"),
        StoredKey.Purpose.valueOf(r.getString("purpose").toUpperCase(Locale.ROOT)), r.getString("tenant_code"),
        Ed25519Keys.verifyingKey(r.getBuffer("public_key").getBytes()), r.getString("certificate"),
        StoredKey.Status.valueOf(r.getString("status").toUpperCase(Locale.ROOT)), r.getOffsetDateTime("created_at"),
        r.getOffsetDateTime("retired_at"), r.getOffsetDateTime("revoked_at"), r.getString("revoked_reason"));
    return new Row2(key, r.getBuffer("sealed_private").getBytes());
  }
}
