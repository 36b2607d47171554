package vn.binhyen.core.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.binhyen.core.tips.TipFixtures.*;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.access.Principal;
import vn.binhyen.core.identity.Role;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.tenant.Tenant;
import vn.binhyen.core.testing.Http;

class TipRollupIT {

  private static final List<String> UNITS = List.of("00004", "00070", "00008", "24133", "24121", "01", "66");
  private static final List<String> CATEGORIES = List.of("security_order", "crime", "drugs", "fraud", "traffic",
      "fire", "officer_conduct", "admin_question", "other");
  private static final List<String> ACTIONS = List.of("triage", "assign", "start", "resolve", "reject", "forward",
      "escalate", "resolve", "triage");

  @Test
  void thousands_of_random_intakes_and_transitions_keep_every_rollup_equal_to_a_group_by() throws Exception {
    Services s = TipWorld.demo().services();
    TipService tips = s.get(TipService.class);
    CaseService cases = s.get(CaseService.class);
    Random random = new Random(20261123L);
    List<Tenant> units = new ArrayList<>();
    for (String code : UNITS) {
      units.add(s.tenantDirectory().byCode(code).toCompletionStage().toCompletableFuture().get());
    }
    List<long[]> known = new ArrayList<>(); // tip id
    java.util.Map<String, Integer> failures = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.concurrent.atomic.AtomicInteger applied = new java.util.concurrent.atomic.AtomicInteger();
    int ops = 3000;
    for (int batch = 0; batch < ops / 20; batch++) {
      List<Future<?>> inFlight = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        if (known.isEmpty() || random.nextInt(10) < 4) {
          Tenant unit = units.get(random.nextInt(units.size()));
          String cat = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
          inFlight.add(tips.receive(unit, new NewTip(unit.code(), cat, "random " + batch + "/" + i, null, null,
              random.nextBoolean() ? "0900000" + i : null, null, "web", null, List.of(), List.of()), null)
              .onSuccess(r -> { synchronized (known) { known.add(new long[] {r.tipId()}); } }));
        } else {
          long id;
          synchronized (known) {
            id = known.get(random.nextInt(known.size()))[0];
          }
          String action = ACTIONS.get(random.nextInt(ACTIONS.size()));
          Transition t = new Transition(action, null, null, action.equals("reject") ? "duplicate" : null,
              action.equals("forward") ? UNITS.get(random.nextInt(UNITS.size())) : null);
          // A ministry-wide operator: the workflow rules, not the scope, are under test here.
          inFlight.add(pathOf(id).compose(path -> cases.transition(officerOf(path), id, t))
              .onSuccess(x -> applied.incrementAndGet())
              .recover(e -> {
                failures.merge(e.getClass().getSimpleName() + ":" + (e instanceof vn.binhyen.core.error.DomainError d ? d.slug() : e.getMessage()), 1, Integer::sum);
                return Future.succeededFuture();
              }));
        }
      }
      Future.join(inFlight).toCompletionStage().toCompletableFuture().get();
    }
    assertTrue(known.size() > 800, "enough tips: " + known.size());
    assertEquals(0, scalar(ROLLUP_DIFF), "roll-ups equal a GROUP BY after intakes and transitions");
    // Which random transitions are legal depends on the order concurrent intakes complete; the
    // random phase must still have applied a good share of them (refusals show what was refused).
    assertTrue(applied.get() > 200, "random transitions applied: " + applied.get() + "; refused: " + failures);
    // And one fresh tip left in every state by a fixed walk, so every status is in the roll-ups.
    String[][] walks = {{"triage"}, {"triage", "assign"}, {"triage", "assign", "start"},
        {"triage", "assign", "start", "resolve"}, {"reject"}};
    for (String[] walk : walks) {
      Tenant unit = units.get(0);
      long id = tips.receive(unit, new NewTip(unit.code(), CATEGORIES.get(0), "walk " + String.join(">", walk), null,
          null, null, null, "web", null, List.of(), List.of()), null).toCompletionStage().toCompletableFuture().get().tipId();
      for (String action : walk) {
        Transition t = new Transition(action, null, null, action.equals("reject") ? "duplicate" : null, null);
        pathOf(id).compose(path -> cases.transition(officerOf(path), id, t)).toCompletionStage().toCompletableFuture().get();
      }
    }
    assertEquals(0, scalar(ROLLUP_DIFF), "roll-ups equal a GROUP BY after the fixed walks");
    assertTrue(scalar("SELECT count(DISTINCT status) FROM tip") >= 6, "every state is present");

    // Spread the tips over days, then compact old shards: still exact. ("Today" is the roll-ups'
    // day in Asia/Ho_Chi_Minh, not the database's UTC date: from 17:00 UTC they differ.)
    try (var c = owner(); var st = c.createStatement()) {
      st.executeUpdate("UPDATE tip SET received_day = received_day - (id % 40)::int WHERE id % 3 = 0");
      assertEquals(0, scalar(ROLLUP_DIFF), "after changing days");
      st.execute("SELECT tip_rollup_compact((now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 1)");
    }
    assertEquals(0, scalar(ROLLUP_DIFF), "after compaction");
    assertEquals(0, scalar("SELECT count(*) FROM tip_rollup WHERE shard <> 0"));
  }

  @Test
  void reorganisation_moves_tips_and_their_rollups_exactly() throws Exception {
    Services s = TipWorld.demo().services();
    Tenant from = s.tenantDirectory().byCode("00008").toCompletionStage().toCompletableFuture().get();
    Tenant to = s.tenantDirectory().byCode("24121").toCompletionStage().toCompletableFuture().get();
    submit("00008", "fraud", "Trước khi sáp nhập", null);
    long before = scalar("SELECT count(*) FROM tip WHERE tenant_id = ?", from.id());
    assertTrue(before >= 1);
    for (var p : s.reorgParticipants().all()) {
      s.db().inScope("BCA", tx -> p.moveAll(tx, from, to)).toCompletionStage().toCompletableFuture().get();
    }
    assertEquals(0, scalar("SELECT count(*) FROM tip WHERE tenant_id = ?", from.id()));
    assertEquals(0, scalar(ROLLUP_DIFF), "after a merge");
    assertEquals(0, scalar("SELECT coalesce(sum(n), 0) FROM tip_rollup WHERE unit_path = ? AND dim = 't'", from.path()));
    for (var p : s.reorgParticipants().all()) {
      s.db().inScope("BCA", tx -> p.repath(tx, "BCA/66", "BCA/01/66")).toCompletionStage().toCompletableFuture().get();
    }
    assertEquals(0, scalar(ROLLUP_DIFF), "after re-parenting a subtree");
    for (var p : s.reorgParticipants().all()) {
      s.db().inScope("BCA", tx -> p.repath(tx, "BCA/01/66", "BCA/66")).toCompletionStage().toCompletableFuture().get();
    }
    assertEquals(0, scalar(ROLLUP_DIFF), "after moving it back");
  }

  @Test
  void rollup_api_groups_by_child_category_status_and_day_like_a_group_by() throws Exception {
    submit("00004", "fire", "Cháy nhỏ", null);
    String supervisor = http().login("hanoi-supervisor");
    JsonObject byChild = http().get("/api/units/01/rollup?groupBy=child", supervisor).json();
    long sum = byChild.getJsonArray("groups").stream().map(JsonObject.class::cast).mapToLong(g -> g.getLong("count")).sum();
    assertEquals(byChild.getLong("total"), sum, "children plus the unit itself make the total");
    long expected = scalar("SELECT count(*) FROM tip WHERE tenant_path LIKE 'BCA/01/%' OR tenant_path = 'BCA/01'"
        + " AND received_day >= (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - 29");
    long ward = byChild.getJsonArray("groups").stream().map(JsonObject.class::cast)
        .filter(g -> g.getString("key").equals("00004")).findFirst().orElseThrow().getLong("count");
    assertEquals(scalar("SELECT count(*) FROM tip WHERE tenant_path = 'BCA/01/00004' AND received_day BETWEEN (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - 29 AND (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date"), ward);
    assertTrue(expected >= ward);
    for (String g : List.of("category", "status", "day")) {
      JsonObject r = http().get("/api/units/01/rollup?groupBy=" + g, supervisor).json();
      assertEquals(r.getLong("total"), r.getJsonArray("groups").stream().map(JsonObject.class::cast)
          .mapToLong(x -> x.getLong("count")).sum(), g);
    }
    Http.Response csv = http().get("/api/units/01/rollup?groupBy=category&format=csv", supervisor);
    assertTrue(csv.contentType().startsWith("text/csv"));
    assertTrue(csv.body().startsWith("unit,from,to,group_by,key,label,count,sla_breaches"));
    assertTrue(csv.body().contains("\"fire\""));
    // A period of whole months with ragged ends: months come from the month grain, the ends from
    // days; both must still agree with a GROUP BY. Move a few tips into a month inside it first.
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
    java.time.LocalDate from = today.minusMonths(4).withDayOfMonth(10);
    java.time.LocalDate inside = today.minusMonths(2).withDayOfMonth(15);
    try (var c = owner(); var st = c.prepareStatement("UPDATE tip SET received_day = ? WHERE id IN "
        + "(SELECT id FROM tip WHERE tenant_path LIKE 'BCA/01/%' ORDER BY id LIMIT 3)")) {
      st.setObject(1, inside);
      st.executeUpdate();
    }
    String period = "&from=" + from + "&to=" + today;
    JsonObject months = http().get("/api/units/01/rollup?groupBy=child" + period, supervisor).json();
    assertEquals(scalar("SELECT count(*) FROM tip WHERE (tenant_path = 'BCA/01' OR tenant_path LIKE 'BCA/01/%')"
        + " AND received_day BETWEEN ? AND ?", from, today), months.getLong("total"), "total over whole months");
    for (Object o : months.getJsonArray("groups")) {
      JsonObject g = (JsonObject) o;
      if (g.getString("path") != null && !g.getString("path").equals("BCA/01")) {
        assertEquals(scalar("SELECT count(*) FROM tip WHERE (tenant_path = ? OR tenant_path LIKE ? || '/%')"
            + " AND received_day BETWEEN ? AND ?", g.getString("path"), g.getString("path"), from, today),
            g.getLong("count"), g.getString("key"));
      }
    }
    JsonObject byCategory = http().get("/api/units/01/rollup?groupBy=category" + period, supervisor).json();
    for (Object o : byCategory.getJsonArray("groups")) {
      JsonObject g = (JsonObject) o;
      assertEquals(scalar("SELECT count(*) FROM tip WHERE (tenant_path = 'BCA/01' OR tenant_path LIKE 'BCA/01/%') AND category = ?"
          + " AND received_day BETWEEN ? AND ?", g.getString("key"), from, today), g.getLong("count"), g.getString("key"));
    }
    assertEquals(0, scalar(ROLLUP_DIFF), "day and month counters equal a GROUP BY");
    assertEquals(403, http().get("/api/units/66/rollup", supervisor).status(), "another province's figures");
    assertEquals(400, http().get("/api/units/01/rollup?groupBy=nope", supervisor).status());
    assertEquals(200, http().get("/api/units/01/sla-breaches", supervisor).status());
  }

  private static Future<String> pathOf(long id) {
    try {
      return Future.succeededFuture(String.valueOf(scalarText("SELECT tenant_path FROM tip WHERE id = ?", id)));
    } catch (Exception e) {
      return Future.failedFuture(e);
    }
  }

  /** An officer (or unit admin, for province units) of the unit at {@code path}. */
  private static Principal officerOf(String path) {
    String code = path.substring(path.lastIndexOf('/') + 1);
    Role role = code.length() == 2 ? Role.UNIT_ADMIN : Role.OFFICER;
    return new Principal(0, "random-" + code, "Random " + code, 0, code, path, role, "s", "t", 0);
  }
}
