package vn.binhyen.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.RequestBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The remembered Content-Type choices answer as the contract's request body does, within a bound. */
class KnownContentTypesTest {

  /** A request body accepting JSON only, counting how often it is asked. */
  private static final class JsonOnly implements RequestBody {
    final MediaType json = new MediaType() {
      @Override
      public io.vertx.json.schema.JsonSchema getSchema() {
        return null;
      }

      @Override
      public String getIdentifier() {
        return "application/json";
      }

      @Override
      public JsonObject getOpenAPIModel() {
        return new JsonObject();
      }
    };
    final List<String> asked = new ArrayList<>();

    @Override
    public boolean isRequired() {
      return true;
    }

    @Override
    public Map<String, MediaType> getContent() {
      return Map.of("application/json", json);
    }

    @Override
    public MediaType determineContentType(String contentType) {
      asked.add(contentType);
      return contentType != null && contentType.replaceAll("\\s+", "").startsWith("application/json") ? json : null;
    }

    @Override
    public JsonObject getOpenAPIModel() {
      return new JsonObject();
    }
  }

  @Test
  void a_header_seen_before_gets_the_same_media_type_without_asking_the_contract_again() {
    JsonOnly contract = new JsonOnly();
    var body = new ContractValidation.KnownContentTypes(contract);
    for (int i = 0; i < 3; i++) {
      assertSame(contract.json, body.determineContentType("application/json"));
      assertSame(contract.json, body.determineContentType("application/json; charset=utf-8"));
      assertNull(body.determineContentType("text/plain"));
    }
    assertNull(body.determineContentType(null));
    assertEquals(java.util.Arrays.asList("application/json", "application/json; charset=utf-8", "text/plain", null),
        contract.asked);
    assertEquals(true, body.isRequired());
    assertEquals(contract.getContent(), body.getContent());
  }

  @Test
  void random_headers_are_answered_but_only_a_bounded_number_remembered() {
    JsonOnly contract = new JsonOnly();
    var body = new ContractValidation.KnownContentTypes(contract);
    for (int i = 0; i < 1000; i++) {
      assertNull(body.determineContentType("text/x-" + i));
      assertSame(contract.json, body.determineContentType("application/json; v=" + i));
    }
    assertEquals(ContractValidation.KnownContentTypes.REMEMBERED, body.remembered());
    assertSame(contract.json, body.determineContentType("application/json; v=999"));
    assertNull(body.determineContentType("text/x-" + "y".repeat(300)));
  }
}
