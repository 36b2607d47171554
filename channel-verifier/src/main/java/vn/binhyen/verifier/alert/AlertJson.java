package vn.binhyen.verifier.alert;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** JSON of alerts for staff and for the issue answer, at the HTTP edge only. */
final class AlertJson {

  private AlertJson() {
  }

  static JsonObject issued(Alert a, String publicUrl) {
    return staff(a).put("link", publicUrl + "/alerts/" + a.id());
  }

  static JsonObject staff(Alert a) {
    Alert.State state = a.state(Instant.now());
    return AlertCheck.facts(a, state)
        .put("unit", new JsonObject().put("code", a.tenantCode()).put("name", a.tenantName()))
        .put("token", a.token())
        .put("logIndex", a.logIndex())
        .put("cancelToken", a.cancelToken())
        .put("issuedBy", a.issuedBy());
  }
}
