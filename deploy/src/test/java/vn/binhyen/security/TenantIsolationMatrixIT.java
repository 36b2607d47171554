package vn.binhyen.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestDatabase;
import vn.binhyen.core.testing.TestPlatform;

/**
 * Tenant isolation, proven over the whole contract: every operation × every demo role × units
 * outside the caller's reach (sibling ward, other province, parent), with real tokens against a
 * running node; then the database's own guard, as the application's role.
 */
class TenantIsolationMatrixIT {

  static final List<String> USERS = List.of("ministry-admin", "ministry-supervisor", "hanoi-admin",
      "hanoi-supervisor", "badinh-admin", "badinh-officer", "hoankiem-officer", "daklak-admin",
      "daklak-supervisor", "buonmathuot-officer");

  record Unit(String code, String name, String path) {}

  record Caller(String username, String role, Unit unit, String token) {}

  /**
   * Tables with a tenant column but, by a documented decision, no row-level security: the unit
   * directory is public (DESIGN.md); set-up links are redeemed before any sign-in and hold only
   * the SHA-256 of the token (tenant-admin V1__administration.sql).
   */
  static final Set<String> PUBLIC_DIRECTORY = Set.of("tenant", "tenant_successor", "user_setup_token");

  /** Rows a policy publishes on purpose (citizens verify against them), by table. */
  static final Map<String, String> PUBLISHED_ROWS = Map.of(
      "channel", "status <> 'pending'",
      "impostor_case", "status = 'confirmed'",
      // Alerts are public documents (CAP, Atom, the citizen page): every row is published.
      "alert", "true");

  static Http http;
  static Contract contract;
  static final Map<String, Caller> callers = new LinkedHashMap<>();
  static final Map<String, Unit> units = new LinkedHashMap<>();
  static final Set<String> privateTexts = new LinkedHashSet<>();
  static final Map<String, Integer> covered = new LinkedHashMap<>();
  static final List<String> notApplicable = new ArrayList<>();

  @BeforeAll
  static void world() {
    http = TestPlatform.http();
    contract = Contract.fetch(http);
    for (String u : USERS) {
      Http.Response r = http.post("/api/auth/login",
          new JsonObject().put("username", u).put("password", TestPlatform.PASSWORD), null);
      assertEquals(200, r.status(), r.body());
      String token = r.json().getString("accessToken");
      JsonObject me = http.get("/api/auth/me", token).json();
      callers.put(u, new Caller(u, me.getString("role"), unit(me.getJsonObject("unit")), token));
      privateTexts.add(u);
    }
    String root = callers.get("ministry-admin").token();
    for (String code : List.of("BCA", "01", "00004", "00070", "66", "24133", "79")) {
      units.put(code, unit(http.get("/api/units/" + code, root).json()));
    }
    for (Object o : http.get("/api/units/66/children?limit=5", root).json().getJsonArray("items")) {
      Unit u = unit((JsonObject) o);
      if (!u.code().equals("24133")) {
        units.put(u.code(), u);
        break;
      }
    }
    privateTexts.add("$argon2");
  }

  static Unit unit(JsonObject j) {
    return new Unit(j.getString("code"), j.getString("name"), j.getString("path"));
  }

  /** The access table of DESIGN.md, written out independently of the code under test. */
  static boolean mayAct(Caller c, Unit target, String action) {
    boolean own = c.unit().path().equals(target.path());
    boolean below = own || target.path().startsWith(c.unit().path() + "/");
    return switch (c.role()) {
      case "MINISTRY_ADMIN" -> below && (action.equals("READ") || action.equals("MANAGE"));
      case "UNIT_ADMIN" -> action.equals("OPERATE") ? own : !action.equals("READ_IDENTITY") && below;
      case "OFFICER" -> own && !action.equals("MANAGE");
      case "SUPERVISOR" -> below && action.equals("READ");
      default -> throw new AssertionError("unknown role " + c.role());
    };
  }

  /** Refused with 403/404 problem+json, and nothing of the foreign unit or resource in the body. */
  static void assertRefused(String what, Http.Response r, Set<String> foreign) {
    assertTrue((r.status() == 403 || r.status() == 404)
        && r.contentType().startsWith("application/problem+json"), what + " was not refused: " + r);
    String body = Normalizer.normalize(r.body(), Normalizer.Form.NFC);
    for (String f : foreign) {
      if (f != null && !f.isBlank()) {
        assertTrue(!body.contains(Normalizer.normalize(f, Normalizer.Form.NFC)),
            what + " leaks '" + f + "': " + r.body());
      }
    }
  }

  @Test
  void every_unit_scoped_operation_refuses_every_role_outside_its_reach() {
    for (Contract.Operation op : contract.operations()) {
      if (!op.isScoped() || op.byResource()) {
        continue;
      }
      for (Caller c : callers.values()) {
        int n = 0;
        for (Unit target : units.values()) {
          if (mayAct(c, target, op.action())) {
            continue;
          }
          String path = Samples.path(op, Map.of(op.unit(), target.code()));
          Http.Response r = Requests.send(http, op, path, null, c.token());
          // The code the caller sent may come back (in "instance"); the unit's name and path may not.
          Set<String> foreign = new LinkedHashSet<>();
          boolean own = target.path().equals(c.unit().path());
          if (!own) {
            foreign.add(target.name());
          }
          if (!own && !path.contains(target.path())) {
            foreign.add(target.path());
          }
          assertRefused(c.username() + " → " + op + " on " + target.code(), r, foreign);
          n++;
        }
        if (n == 0) {
          notApplicable.add(op.id() + "×" + c.username());
        } else {
          covered.merge(op.id(), 1, Integer::sum);
        }
      }
    }
  }

  @Test
  void every_resource_operation_is_registered_and_refuses_callers_outside_the_owner() {
    resourceCases(id -> true);
  }

  private void resourceCases(java.util.function.Predicate<String> which) {
    List<String> missing = new ArrayList<>();
    ForeignResources.World world = new ForeignResources.World() {
      public Http http() {
        return http;
      }

      public String token(String username) {
        return callers.get(username).token();
      }
    };
    for (Contract.Operation op : contract.operations()) {
      if (!op.byResource() || !which.test(op.id())) {
        continue;
      }
      ForeignResources.Builder builder = ForeignResources.REGISTRY.get(op.id());
      if (builder == null) {
        missing.add(op.toString());
        continue;
      }
      for (String owner : List.of("00004", "24133")) {
        ForeignResources.Target t = builder.build(world, owner);
        for (Caller c : callers.values()) {
          Unit ownerUnit = units.get(t.ownerCode());
          if (mayAct(c, ownerUnit, op.action())) {
            continue;
          }
          privateTexts.addAll(t.privateTexts());
          Set<String> foreign = new LinkedHashSet<>(t.privateTexts());
          if (!ownerUnit.path().equals(c.unit().path())) {
            foreign.add(ownerUnit.name());
          }
          Http.Response r = http.raw(t.method(), t.path(),
              t.body() == null ? new byte[0] : t.body().encode().getBytes(java.nio.charset.StandardCharsets.UTF_8),
              t.body() == null ? null : "application/json", c.token(), Map.of());
          assertRefused(c.username() + " → " + op + " on a resource of " + t.ownerCode(), r, foreign);
          covered.merge(op.id(), 1, Integer::sum);
        }
      }
    }
    assertTrue(missing.isEmpty(), "resource operations without an entry in ForeignResources.REGISTRY"
        + " (add how to build a foreign request for each): " + missing);
  }

  @Test
  void authenticated_operations_answer_only_about_the_caller() {
    for (Contract.Operation op : contract.operations()) {
      if (!op.isAuthenticatedOnly()) {
        continue;
      }
      for (Caller c : callers.values()) {
        // Writes (sign-out, say) get a token of their own, so the other cases keep theirs.
        String token = op.writes() ? http.login(c.username()) : c.token();
        Http.Response r = Requests.send(http, op, Samples.path(op, Map.of()), null, token);
        assertTrue(r.status() < 500, op + " as " + c.username() + ": " + r);
        Set<String> foreign = new LinkedHashSet<>();
        for (Caller other : callers.values()) {
          if (!other.unit().path().startsWith(c.unit().path())) {
            foreign.add(other.username());
          }
        }
        for (Unit u : units.values()) {
          if (!u.path().startsWith(c.unit().path())) {
            foreign.add(u.name());
          }
        }
        String body = Normalizer.normalize(r.body(), Normalizer.Form.NFC);
        for (String f : foreign) {
          assertTrue(!body.contains(f), op + " as " + c.username() + " leaks '" + f + "': " + r.body());
        }
        covered.merge(op.id(), 1, Integer::sum);
      }
    }
  }

  @Test
  void public_operations_expose_nothing_tenant_private() {
    for (Contract.Operation op : contract.operations()) {
      if (!op.isPublic()) {
        continue;
      }
      Http.Response r = Requests.send(http, op, Samples.path(op, Map.of()), null, null);
      assertTrue(r.status() < 500, op + ": " + r);
      for (String secret : privateTexts) {
        assertTrue(!r.body().contains(secret), op + " exposes '" + secret + "': " + r.body());
      }
      assertTrue(!r.body().contains("tenant_path") && !r.body().contains("sealed"), op + ": " + r.body());
      covered.merge(op.id(), 1, Integer::sum);
    }
  }

  @Test
  void the_application_role_sees_no_tenant_row_without_a_tenant_setting() throws Exception {
    List<String> withRls = new ArrayList<>();
    List<String> unguarded = new ArrayList<>();
    try (Connection c = TestDatabase.connect(TestPlatform.DATABASE)) {
      c.setAutoCommit(false);
      Statement st = c.createStatement();
      try (ResultSet rs = st.executeQuery("""
          SELECT c.relname, c.relrowsecurity,
                 EXISTS (SELECT 1 FROM information_schema.columns k
                         WHERE k.table_schema = n.nspname AND k.table_name = c.relname
                           AND k.column_name IN ('tenant_id', 'tenant_path')) AS tenant_owned
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
          ORDER BY 1""")) {
        while (rs.next()) {
          if (rs.getBoolean(2)) {
            withRls.add(rs.getString(1));
          } else if (rs.getBoolean(3) && !PUBLIC_DIRECTORY.contains(rs.getString(1))) {
            unguarded.add(rs.getString(1));
          }
        }
      }
      Map<String, Long> ownerCounts = new LinkedHashMap<>();
      for (String t : withRls) {
        ownerCounts.put(t, count(st, "SELECT count(*) FROM " + t));
      }
      st.execute("SET LOCAL ROLE binhyen_app");
      for (String t : withRls) {
        String privateRows = PUBLISHED_ROWS.containsKey(t) ? " WHERE NOT (" + PUBLISHED_ROWS.get(t) + ")" : "";
        assertEquals(0, count(st, "SELECT count(*) FROM " + t + privateRows),
            t + " shows unpublished rows to the application role without a tenant setting");
      }
      c.rollback();
      System.out.println("[security] RLS tables (owner row counts): " + ownerCounts);
      report("rls", "tables with row-level security: " + ownerCounts);
    }
    assertTrue(withRls.size() >= 2, "expected tenant tables under row-level security: " + withRls);
    assertTrue(unguarded.isEmpty(), "tables carrying a tenant without row-level security: " + unguarded);
  }

  private static long count(Statement st, String sql) throws Exception {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @AfterAll
  static void summary() {
    int pairs = covered.values().stream().mapToInt(Integer::intValue).sum();
    String line = "operations in contract: " + (contract == null ? 0 : contract.operations().size())
        + ", operations covered: " + covered.size() + ", operation×role(×owner) cases: " + pairs
        + ", operation×role pairs with no unit outside reach: " + notApplicable.size();
    System.out.println("[security] isolation matrix: " + line + " " + covered);
    report("matrix", line + "\n" + covered + "\nno foreign unit (role reaches every unit for that action): "
        + notApplicable);
  }

  static void report(String name, String text) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "security-report"));
      Files.writeString(dir.resolve(name + ".txt"), text + "\n");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
