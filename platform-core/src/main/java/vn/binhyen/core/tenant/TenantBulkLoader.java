package vn.binhyen.core.tenant;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.binhyen.core.db.Db;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.text.Fold;

/**
 * Inserts many units in one transaction, parents before children, skipping codes that already
 * exist as current units (re-loading the same list changes nothing). Rows must already be valid:
 * the tenant-admin import validates line by line before calling this.
 */
public final class TenantBulkLoader {

  /** One unit to load; {@code parentCode} null means "under the root unit". */
  public record Row(String code, String name, UnitLevel level, String parentCode) {}

  public record Result(int created, int unchanged) {}

  private static final String INSERT = """
      INSERT INTO tenant (code, name, name_folded, level, parent_id, path, depth)
      VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id""";

  private final Db db;
  private final TenantDirectory directory;

  public TenantBulkLoader(Db db, TenantDirectory directory) {
    this.db = db;
    this.directory = directory;
  }

  /** Loads rows under the root unit {@code rootCode}. Fails with Invalid for an unknown parent. */
  public Future<Result> load(String rootCode, List<Row> rows) {
    return db.inTransaction(tx -> tx.preparedQuery(
            "SELECT id, code, path, depth FROM tenant WHERE valid_to IS NULL").execute()
        .compose(existing -> {
          Map<String, long[]> ids = new HashMap<>();     // code -> {id, depth}
          Map<String, String> paths = new HashMap<>();
          existing.forEach(r -> {
            ids.put(r.getString("code"), new long[] {r.getLong("id"), r.getInteger("depth")});
            paths.put(r.getString("code"), r.getString("path"));
          });
          if (!ids.containsKey(rootCode)) {
            return Future.failedFuture(new DomainError.NotFound("root unit " + rootCode));
          }
          return insertLevels(tx, rootCode, rows, ids, paths);
        }))
        .onSuccess(r -> directory.invalidate("*"));
  }

  private Future<Result> insertLevels(SqlConnection tx, String rootCode, List<Row> rows,
      Map<String, long[]> ids, Map<String, String> paths) {
    // One batch per level keeps parents ahead of children and each batch to a single round trip.
    Future<Integer> chain = Future.succeededFuture(0);
    int unchanged = 0;
    for (UnitLevel level : List.of(UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE)) {
      List<Row> ofLevel = new ArrayList<>();
      for (Row r : rows) {
        if (r.level() == level) {
          if (ids.containsKey(r.code())) {
            unchanged++;
          } else {
            ofLevel.add(r);
          }
        }
      }
      chain = chain.compose(created -> insertBatch(tx, rootCode, ofLevel, ids, paths)
          .map(n -> created + n));
    }
    int same = unchanged;
    return chain.map(created -> new Result(created, same));
  }

  private Future<Integer> insertBatch(SqlConnection tx, String rootCode, List<Row> batch,
      Map<String, long[]> ids, Map<String, String> paths) {
    if (batch.isEmpty()) {
      return Future.succeededFuture(0);
    }
    List<Tuple> tuples = new ArrayList<>(batch.size());
    for (Row r : batch) {
      String parent = r.parentCode() == null || r.parentCode().isBlank() ? rootCode : r.parentCode();
      long[] p = ids.get(parent);
      if (p == null) {
        return Future.failedFuture(new DomainError.Invalid("unknown-parent",
            "Đơn vị " + r.code() + " có đơn vị cấp trên không tồn tại: " + parent
                + " / unit " + r.code() + " has an unknown parent " + parent));
      }
      String path = TenantPath.child(paths.get(parent), r.code());
      tuples.add(Tuple.of(r.code(), Fold.nfc(r.name()), Fold.fold(r.name()), r.level().id(), p[0],
          path, (int) p[1] + 1));
      paths.put(r.code(), path);
      ids.put(r.code(), new long[] {-1, p[1] + 1});
    }
    return tx.preparedQuery(INSERT).executeBatch(tuples).map(result -> {
      int i = 0;
      for (var rs = result; rs != null; rs = rs.next()) {
        long id = rs.iterator().next().getLong(0);
        ids.put(batch.get(i++).code(), new long[] {id, ids.get(batch.get(i - 1).code())[1]});
      }
      return batch.size();
    }).recover(e -> Future.failedFuture(TenantRepository.duplicate(e, "?")));
  }

  /** Reads a {@code code,name,level,parent_code} CSV that is known to be well-formed (bundled data). */
  public static List<Row> readTrusted(InputStream in) {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line = r.readLine();
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",", -1);
        rows.add(new Row(f[0].trim(), f[1].trim(), UnitLevel.parse(f[2]), f[3].isBlank() ? null : f[3].trim()));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read unit list: " + e.getMessage(), e);
    }
    return rows;
  }
}
