package vn.binhyen.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quick check never calls valid what the JSON-schema validator calls invalid: every JSON
 * request body of the real contract, thousands of generated bodies each, both must agree.
 */
class FastAcceptTest {

  private static Vertx vertx;
  private static OpenAPIContract contract;

  @BeforeAll
  static void load() throws Exception {
    vertx = Vertx.vertx();
    // Every module's contract (the quick check sits in front of all of them).
    ApiContract merged = ApiContract.load(List.of("openapi-all/core.yaml", "openapi-all/tips.yaml",
        "openapi-all/tenant-admin.yaml", "openapi-all/channel-verifier.yaml", "openapi-all/impostor.yaml"));
    contract = OpenAPIContract.from(vertx, merged.json()).toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  private static JsonSchema jsonBody(Operation op) {
    if (op.getRequestBody() == null) {
      return null;
    }
    MediaType json = op.getRequestBody().getContent().get("application/json");
    return json == null ? null : json.getSchema();
  }

  @Test
  void the_tip_intake_body_takes_the_quick_check() {
    JsonSchema body = jsonBody(contract.operation("submitTip"));
    FastAccept.ObjectCheck check = FastAccept.compile(body);
    assertNotNull(check, "submitTip's body is simple enough");
    assertTrue(check.accepts(new JsonObject().put("unit", "00004").put("category", "fraud").put("text", "Có người lạ")));
    assertTrue(!check.accepts(new JsonObject().put("unit", "00004").put("category", "fraud")), "text missing");
    assertTrue(!check.accepts(new JsonObject().put("unit", "abc").put("category", "x").put("text", "t")), "pattern");
    assertTrue(!check.accepts(new JsonObject().put("unit", "00004").put("category", "x").put("text", "t")
        .put("admin", true)), "unknown property");
    assertNull(FastAccept.compile(JsonSchema.of(new JsonObject().put("type", "object")
        .put("properties", new JsonObject().put("n", new JsonObject().put("type", "integer"))))), "integers: the full validator");
    assertNull(FastAccept.compile(JsonSchema.of(new JsonObject().put("type", "object").put("oneOf", new JsonArray()))),
        "unknown keyword: the full validator");
  }

  @Test
  void quick_and_full_validators_agree_on_every_json_body_of_the_contract() {
    Random random = new Random(20261123);
    int schemas = 0;
    int quicklyAccepted = 0;
    for (Operation op : contract.operations()) {
      JsonSchema body = jsonBody(op);
      if (body == null) {
        continue;
      }
      Validator full = contract.getSchemaRepository().validator(body);
      Validator quick = FastAccept.around(body, full);
      FastAccept.ObjectCheck check = FastAccept.compile(body);
      schemas++;
      List<String> names = new ArrayList<>(body.<JsonObject>get("properties", new JsonObject()).fieldNames());
      names.add("unexpected");
      for (int i = 0; i < 2000; i++) {
        JsonObject instance = new JsonObject();
        for (String name : names) {
          if (random.nextInt(10) < 7) {
            instance.put(name, value(random));
          }
        }
        boolean expected = full.validate(instance).getValid();
        assertEquals(expected, quick.validate(instance).getValid(), op.getOperationId() + ": " + instance.encode());
        if (check != null && check.accepts(instance)) {
          assertTrue(expected, op.getOperationId() + " accepted quickly but invalid: " + instance.encode());
          quicklyAccepted++;
        }
      }
    }
    assertTrue(schemas >= 15, "JSON bodies checked: " + schemas);
    assertTrue(quicklyAccepted > 100, "bodies accepted by the quick check: " + quicklyAccepted);
  }

  private static final String[] STRINGS = {"", "x", "00004", "ABC", "abc", "fraud", "other", "phone", "walk_in",
      "Có người lạ mạo danh công an", "Co\u0301 ngươ\u0300i", "\uD83D\uDE00", "triaged", "resolved", "BCA",
      "https://www.facebook.com/ConganThuDo/", "zalo", "facebook", "0912345678", "2026-11-23",
      "a".repeat(40), "a".repeat(41), "b".repeat(500), "b".repeat(501), "c".repeat(8001)};

  private static Object value(Random random) {
    return switch (random.nextInt(9)) {
      case 0 -> null;
      case 1 -> random.nextBoolean();
      case 2 -> random.nextInt(100);
      case 3 -> new JsonObject().put("k", "v");
      case 4 -> new JsonArray().add("x");
      default -> STRINGS[random.nextInt(STRINGS.length)];
    };
  }
}
