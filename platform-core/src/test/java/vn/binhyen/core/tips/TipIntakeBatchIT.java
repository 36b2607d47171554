package vn.binhyen.core.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.binhyen.core.tips.TipFixtures.*;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.tenant.Tenant;

/**
 * Intake under concurrency: tips arriving together are written together (IntakeBatcher), each
 * keeps its own receipt, secret and unit, duplicates and bad rows fail alone, and the roll-ups
 * stay equal to a GROUP BY.
 */
class TipIntakeBatchIT {

  private static final List<String> UNITS = List.of("00004", "00070", "24133", "01", "66");

  private static Services services() {
    return TipWorld.demo().services();
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static NewTip tip(String unit, String text, String source, String messageId) {
    return new NewTip(unit, "fraud", text, null, null, null, null, source, messageId, List.of(), List.of());
  }

  @Test
  void tips_arriving_together_share_transactions_but_keep_their_own_receipt_secret_and_unit() throws Exception {
    TipService tips = services().get(TipService.class);
    List<Tenant> units = new ArrayList<>();
    for (String code : UNITS) {
      units.add(await(services().tenantDirectory().byCode(code)));
    }
    long batchesBefore = tips.intake().batchesWritten();
    long tipsBefore = tips.intake().tipsWritten();
    int n = 400;
    List<Future<Receipt>> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Tenant unit = units.get(i % units.size());
      all.add(tips.receive(unit, tip(unit.code(), "lô " + i + " của " + unit.code(), "web", null), null));
    }
    await(Future.all(all));
    long batches = tips.intake().batchesWritten() - batchesBefore;
    assertEquals(n, tips.intake().tipsWritten() - tipsBefore, "every tip written once");
    assertTrue(batches < n / 4, n + " concurrent tips in " + batches + " transactions");

    Set<String> receipts = new HashSet<>();
    for (int i = 0; i < n; i++) {
      Receipt r = all.get(i).result();
      assertTrue(receipts.add(r.receipt()), "receipts are distinct");
      assertEquals(UNITS.get(i % UNITS.size()), scalarText("SELECT key_tenant FROM tip WHERE id = ?", r.tipId()));
      assertEquals("lô " + i + " của " + UNITS.get(i % UNITS.size()), scalarText("SELECT body FROM tip WHERE id = ?", r.tipId()));
      assertEquals(1, scalar("SELECT count(*) FROM tip_event WHERE tip_id = ? AND action = 'receive'", r.tipId()));
    }
    // Each secret opens its own tip, through the public follow-up.
    for (int i : new int[] {0, 1, 2, n - 1}) {
      Receipt r = all.get(i).result();
      assertEquals(200, follow(r.receipt(), r.secret()).status());
    }
    Receipt first = all.get(0).result();
    assertEquals(404, follow(first.receipt(), all.get(1).result().secret()).status(), "another tip's secret");
    assertEquals(0, scalar(ROLLUP_DIFF), "roll-ups equal a GROUP BY");
    // tip_event has no foreign key to tip (V5): no event may lack its tip.
    assertEquals(0, scalar("SELECT count(*) FROM tip_event e WHERE NOT EXISTS (SELECT 1 FROM tip t WHERE t.id = e.tip_id)"));
  }

  @Test
  void a_platform_message_delivered_twice_at_once_is_one_tip() throws Exception {
    TipService tips = services().get(TipService.class);
    Tenant unit = await(services().tenantDirectory().byCode("00004"));
    String mid = "m_batch_" + System.nanoTime();
    List<Future<Receipt>> twice = List.of(
        tips.receive(unit, tip(unit.code(), "tin nhắn", "facebook", mid), null),
        tips.receive(unit, tip(unit.code(), "tin nhắn", "facebook", mid), null));
    await(Future.join(twice).otherwise(x -> null));
    long ok = twice.stream().filter(Future::succeeded).count();
    assertEquals(1, ok, "one stored");
    Throwable refused = twice.stream().filter(Future::failed).findFirst().orElseThrow().cause();
    assertInstanceOf(DomainError.Conflict.class, refused);
    assertEquals("tip-duplicate", ((DomainError.Conflict) refused).slug());
    assertEquals(1, scalar("SELECT count(*) FROM tip WHERE source = 'facebook' AND source_message_id = ?", mid));
  }

  @Test
  void a_row_the_database_refuses_fails_alone_and_a_taken_receipt_is_reported_not_stored() throws Exception {
    Services s = services();
    IntakeBatcher batcher = s.get(TipService.class).intake();
    Tenant unit = await(s.tenantDirectory().byCode("00070"));
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    String taken = await(s.get(TipService.class).receive(unit, tip(unit.code(), "đã có", "web", null), null)).receipt();
    List<Future<Optional<Tip>>> batch = new ArrayList<>();
    String[] receipts = new String[6];
    for (int i = 0; i < receipts.length; i++) {
      receipts[i] = ReceiptCodes.newReceipt();
      // Row 2 names a source the database does not allow (the service never does; this stands
      // for any row the database refuses); row 4 reuses a receipt already issued.
      String source = i == 2 ? "carrier-pigeon" : "web";
      String receipt = i == 4 ? taken : receipts[i];
      NewTip t = new NewTip(unit.code(), "fraud", "hàng " + i, null, null, null, null, source, null, List.of(), List.of());
      batch.add(batcher.write(new TipRow(receipt, ReceiptCodes.hashSecret("s" + i), unit.id(), unit.path(), unit.code(),
          t, null, null, now, now.toLocalDate(), now.plusDays(1), null, "test", null, List.of())));
    }
    await(Future.join(batch).otherwise(x -> null));
    for (int i = 0; i < receipts.length; i++) {
      Future<Optional<Tip>> f = batch.get(i);
      if (i == 2) {
        assertTrue(f.failed(), "the refused row fails");
        assertEquals("23514", ((PgException) f.cause()).getSqlState(), "refused by the CHECK on source");
        assertEquals(0, scalar("SELECT count(*) FROM tip WHERE receipt = ?", receipts[i]));
      } else if (i == 4) {
        assertTrue(f.succeeded() && f.result().isEmpty(), "a taken receipt is not stored: " + f);
        assertEquals(1, scalar("SELECT count(*) FROM tip WHERE receipt = ?", taken));
      } else {
        assertTrue(f.succeeded() && f.result().isPresent(), "row " + i + " stored: " + f);
        assertEquals(1, scalar("SELECT count(*) FROM tip WHERE receipt = ?", receipts[i]));
      }
    }
    assertEquals(0, scalar(ROLLUP_DIFF), "roll-ups equal a GROUP BY");
  }

  @Test
  void a_category_or_a_unit_that_tips_refer_to_cannot_be_deleted() throws Exception {
    // Tips no longer carry foreign keys to these tables (V5__leaner_intake.sql): the database
    // still refuses to lose a row a tip refers to.
    Services s = services();
    Tenant unit = await(s.tenantDirectory().byCode("00070"));
    await(s.get(TipService.class).receive(unit, tip(unit.code(), "giữ đơn vị", "web", null), null));
    for (String delete : List.of("DELETE FROM tip_category WHERE id = 'fraud'",
        "DELETE FROM tenant WHERE id = " + unit.id())) {
      try (var c = owner(); var st = c.createStatement()) {
        java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(
            java.sql.SQLException.class, () -> st.executeUpdate(delete), delete);
        assertEquals("23001", refused.getSQLState(), delete + ": " + refused.getMessage());
      }
    }
    assertEquals(1, scalar("SELECT count(*) FROM tip_category WHERE id = 'fraud'"));
    assertEquals(1, scalar("SELECT count(*) FROM tenant WHERE id = ?", unit.id()));
  }

  @Test
  void the_scope_of_a_batch_is_the_common_ancestor_of_its_units() {
    assertEquals("BCA/01/00004", IntakeBatcher.commonScope(List.of(row("BCA/01/00004"), row("BCA/01/00004"))));
    assertEquals("BCA/01", IntakeBatcher.commonScope(List.of(row("BCA/01/00004"), row("BCA/01/00070"))));
    assertEquals("BCA", IntakeBatcher.commonScope(List.of(row("BCA/01/00004"), row("BCA/66/24133"))));
    assertEquals("BCA", IntakeBatcher.commonScope(List.of(row("BCA/01"), row("BCA"))));
    assertEquals("BCA/01", IntakeBatcher.commonScope(List.of(row("BCA/01"), row("BCA/01/00004"))));
    assertEquals(null, IntakeBatcher.commonScope(List.of(row("BCA/01"), row("XYZ/01"))));
    // Path segments, not characters: BCA/1 and BCA/10 share BCA only.
    assertEquals("BCA", IntakeBatcher.commonScope(List.of(row("BCA/1/0001"), row("BCA/10/0001"))));
  }

  private static TipRow row(String path) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    return new TipRow("R", new byte[32], 1, path, "x", tip("x", "x", "web", null), null, null, now,
        now.toLocalDate(), now, null, "t", null, List.of());
  }
}
