package vn.binhyen.admin;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;

/** Builders for the admin tests against the shared demo node: fresh ward codes, onboarded units and users. */
public final class AdminFixtures {

  // Real commune codes stop below 33000: 9xxxx never collides with the demo country.
  private static final AtomicInteger NEXT = new AtomicInteger(90000 + (int) (ProcessHandle.current().pid() % 5000));
  public static final String NEW_PASSWORD = "a-new-password-1";

  private AdminFixtures() {}

  public static Http http() {
    TestPlatform.demo();
    return TestPlatform.http();
  }

  public static String wardCode() {
    return String.valueOf(NEXT.getAndIncrement());
  }

  public static JsonObject newUser(String username, String role) {
    return new JsonObject().put("username", username).put("displayName", "Người dùng " + username).put("role", role);
  }

  /** Onboards a ward under {@code parent} with a first user; answers the 201 body. */
  public static JsonObject onboardWard(Http http, String token, String parent, String code, String username, String role) {
    Http.Response r = http.post("/api/admin/units/" + parent + "/onboard", new JsonObject().put("code", code)
        .put("name", "Phường Thử " + code).put("level", "commune").put("firstUser", newUser(username, role)), token);
    if (r.status() != 201) {
      throw new AssertionError("onboarding failed: " + r);
    }
    return r.json();
  }

  /** Redeems a set-up link (as the new user would) and signs in; answers the access token. */
  public static String activate(Http http, JsonObject withLink) {
    String link = withLink.getString("setupLink");
    String token = link.substring(link.indexOf('#') + 1);
    Http.Response r = http.post("/api/admin/setup-password", new JsonObject().put("token", token)
        .put("password", NEW_PASSWORD), null);
    if (r.status() != 200) {
      throw new AssertionError("set-up failed: " + r);
    }
    return http.login(withLink.getJsonObject("user").getString("username"), NEW_PASSWORD);
  }
}
