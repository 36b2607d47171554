package vn.binhyen.core.testing;

/** The proof every roll-up test uses: the tips' roll-up counters compared with a GROUP BY. */
public final class TipRollups {

  /**
   * Rows that differ between the roll-up counters (shards summed, zeros dropped) and a GROUP BY
   * over the tips expanded to every ancestor, by day (tip_rollup) and, for subtree counters, by
   * month (tip_rollup_month): 0 when they agree exactly.
   */
  public static final String DIFF = """
      WITH e AS (
        SELECT u.unit_path, d.dim, u.own, t.received_day AS day, d.key, count(*)::bigint AS n
          FROM tip t
          CROSS JOIN LATERAL (
            SELECT array_to_string((string_to_array(t.tenant_path, '/'))[1:i], '/') AS unit_path, false AS own
              FROM generate_series(1, cardinality(string_to_array(t.tenant_path, '/'))) AS i
            UNION ALL SELECT t.tenant_path, true) u
          CROSS JOIN LATERAL (VALUES ('t', ''), ('c', t.category), ('s', t.status),
                                     ('b', CASE WHEN t.sla_breached THEN '' END)) AS d (dim, key)
         WHERE d.key IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5),
      a AS (
        SELECT unit_path, dim, own, day, key, sum(n)::bigint AS n FROM tip_rollup
         GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0),
      em AS (
        SELECT unit_path, dim, date_trunc('month', day)::date AS month, key, sum(n)::bigint AS n
          FROM e WHERE NOT own GROUP BY 1, 2, 3, 4),
      am AS (
        SELECT unit_path, dim, month, key, sum(n)::bigint AS n FROM tip_rollup_month
         GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0)
      SELECT (SELECT count(*) FROM ((SELECT * FROM e EXCEPT SELECT * FROM a) UNION ALL (SELECT * FROM a EXCEPT SELECT * FROM e)) x)
           + (SELECT count(*) FROM ((SELECT * FROM em EXCEPT SELECT * FROM am) UNION ALL (SELECT * FROM am EXCEPT SELECT * FROM em)) y)""";

  private TipRollups() {}
}
