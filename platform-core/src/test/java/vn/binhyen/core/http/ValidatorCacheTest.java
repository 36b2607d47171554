package vn.binhyen.core.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One validator per schema of the real merged contract, and it still validates. */
class ValidatorCacheTest {

  @Test
  void each_schema_gets_one_validator_that_keeps_validating() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      ApiContract merged = ApiContract.load(List.of("openapi/core.yaml", "openapi/tips.yaml"));
      OpenAPIContract contract = ValidatorCache.around(
          OpenAPIContract.from(vertx, merged.json()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS));
      JsonSchema body = contract.operation("submitTip").getRequestBody().getContent().get("application/json").getSchema();
      var first = contract.getSchemaRepository().validator(body);
      assertSame(first, contract.getSchemaRepository().validator(body), "the same validator for the same schema");
      assertTrue(first.validate(new JsonObject().put("unit", "00004").put("category", "fraud").put("text", "x")).getValid());
      assertFalse(first.validate(new JsonObject().put("unit", "00004").put("text", "x").put("admin", true)).getValid());
      JsonSchema other = contract.operation("submitTip").getRequestBody().getContent().get("application/json").getSchema();
      assertSame(body, other, "the contract hands out the same schema instance (else the cache would only grow)");
      assertNotSame(first, contract.getSchemaRepository().validator(JsonSchema.of(new JsonObject().put("type", "string"))));
    } finally {
      vertx.close();
    }
  }
}
