package vn.binhyen.core.tenant;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.binhyen.core.db.Page;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.text.Fold;

/** SQL for the tenant hierarchy. Methods take the client so they work inside or outside a transaction. */
public final class TenantRepository {

  static final String COLUMNS = "id, code, name, level, parent_id, path, depth, valid_from, valid_to";

  private static final String BY_CODE = """
      SELECT %s FROM tenant WHERE code = $1 AND valid_to IS NULL""".formatted(COLUMNS);
  private static final String BY_ID = "SELECT %s FROM tenant WHERE id = $1".formatted(COLUMNS);
  private static final String HISTORICAL_BY_CODE = """
      SELECT %s FROM tenant WHERE code = $1 AND valid_to IS NOT NULL
       ORDER BY valid_to DESC""".formatted(COLUMNS);
  private static final String CHILDREN = """
      SELECT %s FROM tenant WHERE parent_id = $1 AND valid_to IS NULL
       ORDER BY code LIMIT $2 OFFSET $3""".formatted(COLUMNS);
  private static final String COUNT_CHILDREN =
      "SELECT count(*) FROM tenant WHERE parent_id = $1 AND valid_to IS NULL";
  // The prefix condition uses tenant_path_prefix (text_pattern_ops).
  private static final String SUBTREE = """
      SELECT %s FROM tenant
       WHERE (path = $1 OR path LIKE $1 || '/%%') AND valid_to IS NULL
       ORDER BY depth, code LIMIT $2 OFFSET $3""".formatted(COLUMNS);
  private static final String COUNT_SUBTREE = """
      SELECT count(*) FROM tenant
       WHERE (path = $1 OR path LIKE $1 || '/%') AND valid_to IS NULL""";
  private static final String SEARCH = """
      SELECT %s FROM tenant
       WHERE (path = $1 OR path LIKE $1 || '/%%') AND valid_to IS NULL
         AND (name_folded LIKE '%%' || $2 || '%%' OR code = $3)
       ORDER BY depth, length(name), code LIMIT $4""".formatted(COLUMNS);
  /**
   * The public name search ({@link UnitQuery}).
   * <ul>
   * <li>{@code hit}: every unit, current or closed, whose folded name has a word starting with each
   * core word (the GIN index tenant_name_words, V8), or the current unit with that code. Its tier:
   * 0 the name, or the name without its type word ("core"), is what was typed (or the code is);
   * 1 the core is the core words; 2 the name or the core starts with what was typed; 3 the core
   * starts with the core words; 4 the rest. {@code partial}: a type word was typed and the name
   * does not match every word typed ("P. Ba Đình": Xã Ba Đình is partial). Only the best 200
   * hits go on (a one-letter query matches thousands).</li>
   * <li>{@code reached}: a closed unit's successors, followed through up to 5 reorganisations to
   * the current unit(s).</li>
   * <li>{@code best}: each current unit once, by its best way in (its own name before an old one).</li>
   * <li>When some unit matches every word typed, the partial ones are left out ("Quán Thánh" is
   * not "Quận … Thánh"). Then the order: tier, partial, own name before old name, the hinted
   * level, communes before provinces, shorter core names, the code. The parents (nearest first,
   * no ministry) come from the codes of the unit's path.</li>
   * </ul>
   */
  static final String SEARCH_BY_NAME = """
      WITH RECURSIVE hit AS (
        SELECT h.id, h.code, h.name, h.valid_to,
               CASE WHEN h.name_folded = $2 OR h.core = $2 OR h.by_code THEN 0
                    WHEN h.core = $3 THEN 1
                    WHEN h.name_folded LIKE $2 || '%' OR h.core LIKE $2 || '%' THEN 2
                    WHEN h.core LIKE $3 || '%' THEN 3
                    ELSE 4 END AS tier,
               ($1 <> $4 AND NOT (h.by_code
                   OR to_tsvector('simple', h.name_folded) @@ to_tsquery('simple', $4))) AS partial
          FROM (SELECT t.id, t.code, t.name, t.valid_to, t.name_folded,
                       regexp_replace(t.name_folded, $5, '') AS core,
                       (t.code = $6 AND t.valid_to IS NULL) AS by_code
                  FROM tenant t
                 WHERE to_tsvector('simple', t.name_folded) @@ to_tsquery('simple', $1)
                    OR (t.code = $6 AND t.valid_to IS NULL)) h
         ORDER BY tier, partial, h.valid_to IS NOT NULL, length(h.core), h.code
         LIMIT 200
      ), reached (origin_id, unit_id, hops) AS (
        SELECT h.id, h.id, 0 FROM hit h
        UNION ALL
        SELECT r.origin_id, s.successor_id, r.hops + 1
          FROM reached r
          JOIN tenant closed ON closed.id = r.unit_id AND closed.valid_to IS NOT NULL
          JOIN tenant_successor s ON s.tenant_id = r.unit_id
         WHERE r.hops < 5
      ), best AS (
        SELECT DISTINCT ON (r.unit_id) r.unit_id, h.tier, h.partial, r.hops > 0 AS via_old,
               CASE WHEN r.hops > 0 THEN h.code END AS former_code,
               CASE WHEN r.hops > 0 THEN h.name END AS former_name
          FROM reached r JOIN hit h ON h.id = r.origin_id
         ORDER BY r.unit_id, h.tier, h.partial, r.hops > 0, h.valid_to DESC NULLS FIRST
      )
      SELECT t.id, t.code, t.name, t.level, t.parent_id, t.path, t.depth, t.valid_from, t.valid_to,
             b.tier, b.partial, b.former_code, b.former_name, par.codes AS parent_codes, par.names AS parent_names
        FROM best b
        JOIN tenant t ON t.id = b.unit_id AND t.valid_to IS NULL
         AND (NOT b.partial OR NOT EXISTS (SELECT 1 FROM best whole WHERE NOT whole.partial))
        LEFT JOIN LATERAL (
          SELECT array_agg(p.code ORDER BY p.depth DESC) AS codes,
                 array_agg(p.name ORDER BY p.depth DESC) AS names
            FROM tenant p
           WHERE p.code = ANY (string_to_array(t.path, '/')) AND p.valid_to IS NULL
             AND p.depth > 0 AND p.depth < t.depth) par ON true
       ORDER BY b.tier, b.partial, b.via_old, CASE WHEN t.level = $7 THEN 0 ELSE 1 END,
                CASE t.level WHEN 'commune' THEN 0 WHEN 'district' THEN 1 WHEN 'province' THEN 2 ELSE 3 END,
                length(regexp_replace(t.name_folded, $5, '')), t.code
       LIMIT $8""";
  private static final String INSERT = """
      INSERT INTO tenant (code, name, name_folded, level, parent_id, path, depth, valid_from)
      VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8, DATE '1900-01-01'))
      RETURNING %s""".formatted(COLUMNS);
  private static final String RENAME = """
      UPDATE tenant SET name = $2, name_folded = $3, updated_at = now()
       WHERE id = $1 RETURNING %s""".formatted(COLUMNS);
  private static final String SUCCESSORS = """
      SELECT %s FROM tenant t JOIN tenant_successor s ON s.successor_id = t.id
       WHERE s.tenant_id = $1 ORDER BY t.code""".formatted(
      COLUMNS.replaceAll("(\\w+)", "t.$1"));

  public Future<Optional<Tenant>> findCurrentByCode(SqlClient db, String code) {
    return db.preparedQuery(BY_CODE).execute(Tuple.of(code)).map(TenantRepository::first);
  }

  public Future<Optional<Tenant>> findById(SqlClient db, long id) {
    return db.preparedQuery(BY_ID).execute(Tuple.of(id)).map(TenantRepository::first);
  }

  public Future<List<Tenant>> findHistoricalByCode(SqlClient db, String code) {
    return db.preparedQuery(HISTORICAL_BY_CODE).execute(Tuple.of(code)).map(TenantRepository::all);
  }

  public Future<List<Tenant>> successors(SqlClient db, long id) {
    return db.preparedQuery(SUCCESSORS).execute(Tuple.of(id)).map(TenantRepository::all);
  }

  public Future<Page<Tenant>> children(SqlClient db, long parentId, int limit, int offset) {
    return db.preparedQuery(CHILDREN).execute(Tuple.of(parentId, limit, offset))
        .compose(rows -> db.preparedQuery(COUNT_CHILDREN).execute(Tuple.of(parentId))
            .map(count -> new Page<>(all(rows), count.iterator().next().getLong(0), limit, offset)));
  }

  public Future<Page<Tenant>> subtree(SqlClient db, String path, int limit, int offset) {
    return db.preparedQuery(SUBTREE).execute(Tuple.of(path, limit, offset))
        .compose(rows -> db.preparedQuery(COUNT_SUBTREE).execute(Tuple.of(path))
            .map(count -> new Page<>(all(rows), count.iterator().next().getLong(0), limit, offset)));
  }

  public Future<List<Tenant>> search(SqlClient db, String withinPath, String query, int limit) {
    return db.preparedQuery(SEARCH)
        .execute(Tuple.of(withinPath, Fold.fold(query), query.trim(), limit))
        .map(TenantRepository::all);
  }

  /** Current units by name, old names leading to their successors, best first ({@link #SEARCH_BY_NAME}). */
  public Future<List<UnitMatch>> searchByName(SqlClient db, UnitQuery q, int limit) {
    return db.preparedQuery(SEARCH_BY_NAME)
        .execute(Tuple.tuple(List.of(q.coreTsQuery(), q.folded(), q.coreText(), q.fullTsQuery(),
            UnitQuery.NAME_TYPE_PREFIX, q.raw().trim().toUpperCase(java.util.Locale.ROOT),
            q.levelHint().map(UnitLevel::id).orElse(""), limit)))
        .map(rows -> {
          List<Ranked> out = new ArrayList<>(rows.size());
          rows.forEach(r -> out.add(new Ranked(match(r), r.getInteger("tier"), r.getBoolean("partial"))));
          return accentsFirst(q, out);
        });
  }

  private record Ranked(UnitMatch match, int tier, boolean partial) {}

  /**
   * When accents were typed, within one tier a name written with those accents comes first
   * ("Quán Thánh": the old Phường Quán Thánh's successor before Xã Quan Thành); otherwise the
   * order of {@link #SEARCH_BY_NAME} (the sort is stable).
   */
  private static List<UnitMatch> accentsFirst(UnitQuery q, List<Ranked> ranked) {
    if (q.hasMarks()) {
      ranked = new ArrayList<>(ranked);
      ranked.sort(java.util.Comparator.comparingInt(Ranked::tier)
          .thenComparing(Ranked::partial)
          .thenComparing(r -> !q.sameMarks(r.match().formerly().map(UnitMatch.Ref::name)
              .orElse(r.match().unit().name()))));
    }
    return ranked.stream().map(Ranked::match).toList();
  }

  private static UnitMatch match(Row r) {
    List<UnitMatch.Ref> parents = new ArrayList<>();
    String[] codes = r.getArrayOfStrings("parent_codes");
    String[] names = r.getArrayOfStrings("parent_names");
    for (int i = 0; codes != null && i < codes.length; i++) {
      parents.add(new UnitMatch.Ref(codes[i], names[i]));
    }
    Optional<UnitMatch.Ref> former = r.getString("former_code") == null ? Optional.empty()
        : Optional.of(new UnitMatch.Ref(r.getString("former_code"), r.getString("former_name")));
    return new UnitMatch(map(r), parents, former);
  }

  /** Fails with {@link DomainError.Conflict} when a current unit already has the code. */
  public Future<Tenant> insert(SqlClient db, String code, String name, UnitLevel level,
      Tenant parent, java.time.LocalDate validFrom) {
    String path = parent == null ? code : TenantPath.child(parent.path(), code);
    int depth = parent == null ? 0 : parent.depth() + 1;
    return db.preparedQuery(INSERT)
        .execute(Tuple.of(code, name, Fold.fold(name), level.id(),
            parent == null ? null : parent.id(), path, depth, validFrom))
        .map(rows -> first(rows).orElseThrow())
        .recover(e -> Future.failedFuture(duplicate(e, code)));
  }

  public Future<Tenant> rename(SqlClient db, long id, String name) {
    return db.preparedQuery(RENAME).execute(Tuple.of(id, name, Fold.fold(name)))
        .map(rows -> first(rows).orElseThrow(() -> new DomainError.NotFound("unit " + id)));
  }

  static Throwable duplicate(Throwable e, String code) {
    if (e instanceof PgException pg && "23505".equals(pg.getSqlState())) {
      return new DomainError.Conflict("duplicate-unit-code",
          "Mã đơn vị " + code + " đã tồn tại / a current unit already has code " + code);
    }
    return e;
  }

  static Optional<Tenant> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(map(it.next())) : Optional.empty();
  }

  static List<Tenant> all(RowSet<Row> rows) {
    List<Tenant> out = new ArrayList<>(rows.size());
    rows.forEach(r -> out.add(map(r)));
    return out;
  }

  public static Tenant map(Row r) {
    return new Tenant(r.getLong("id"), r.getString("code"), r.getString("name"),
        UnitLevel.parse(r.getString("level")), r.getLong("parent_id"), r.getString("path"),
        r.getInteger("depth"), r.getLocalDate("valid_from"), r.getLocalDate("valid_to"));
  }
}
