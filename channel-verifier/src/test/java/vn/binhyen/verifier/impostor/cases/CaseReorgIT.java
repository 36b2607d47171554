package vn.binhyen.verifier.impostor.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.runtime.Platform;
import vn.binhyen.core.tenant.Tenant;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestDatabase;
import vn.binhyen.verifier.impostor.web.ImpostorWorld;

/** Cases follow a merge of units, through the registered reorganisation participant. */
class CaseReorgIT {

  @Test
  void merged_units_cases_and_reports_belong_to_the_surviving_unit() throws Exception {
    Platform node = ImpostorWorld.platform();
    Http http = ImpostorWorld.http();
    List<String> communes = new ArrayList<>();
    try (Connection c = TestDatabase.connect(ImpostorWorld.DATABASE);
         ResultSet rs = c.createStatement().executeQuery("SELECT code FROM tenant WHERE valid_to IS NULL"
             + " AND path LIKE 'BCA/66/%' AND code <> '24133' ORDER BY code LIMIT 2")) {
      while (rs.next()) {
        communes.add(rs.getString(1));
      }
    }
    JsonObject receipt = http.post("/api/public/reports", new JsonObject()
        .put("name", "Trang hỗ trợ thu hồi tiền lừa đảo Đắk Lắk").put("areaCode", communes.get(0)), null).json();
    assertEquals(communes.get(0), receipt.getJsonObject("unit").getString("code"), receipt.encode());
    long caseId = receipt.getLong("caseId");

    var s = node.services();
    Tenant from = s.tenantDirectory().byCode(communes.get(0)).await();
    Tenant to = s.tenantDirectory().byCode(communes.get(1)).await();
    CaseReorg participant = (CaseReorg) s.reorgParticipants().all().stream()
        .filter(p -> p instanceof CaseReorg).findFirst().orElseThrow();
    s.db().inScope("BCA/66", tx -> participant.moveAll(tx, from, to)).await();

    try (Connection c = TestDatabase.connect(ImpostorWorld.DATABASE);
         ResultSet kase = c.createStatement().executeQuery(
             "SELECT tenant_id, tenant_path FROM impostor_case WHERE id = " + caseId);
         ResultSet reports = c.createStatement().executeQuery(
             "SELECT DISTINCT tenant_path FROM impostor_report WHERE case_id = " + caseId)) {
      assertTrue(kase.next());
      assertEquals(to.id(), kase.getLong(1));
      assertEquals(to.path(), kase.getString(2));
      assertTrue(reports.next());
      assertEquals(to.path(), reports.getString(1));
    }
  }
}
