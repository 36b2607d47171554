package vn.binhyen.admin.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.binhyen.admin.AdminFixtures;
import vn.binhyen.core.testing.Http;

/** An import's progress reaches the stream its user opened, step by step, and no one else's. */
class ImportProgressIT {

  final Http http = AdminFixtures.http();

  /** Opens /events/imports/{id} and returns the progress events read until "done" or "failed" (or the stream ends). */
  private CompletableFuture<List<JsonObject>> follow(String id, String token, CompletableFuture<Void> ready) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(http.base() + "/events/imports/" + id))
        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();
    HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, stream.statusCode());
    assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
    return CompletableFuture.supplyAsync(() -> {
      List<JsonObject> steps = new ArrayList<>();
      try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.equals("event: ready")) {
            ready.complete(null);
          } else if (line.startsWith("data: ") && line.contains("\"step\"")) {
            JsonObject step = new JsonObject(line.substring(6));
            steps.add(step);
            if (step.getString("step").equals("done") || step.getString("step").equals("failed")) {
              return steps;
            }
          }
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return steps;
    });
  }

  @Test
  void the_steps_of_an_import_reach_its_users_stream_in_order_and_another_users_stream_gets_none() throws Exception {
    String hanoi = http.login("hanoi-admin");
    String id = "progress" + System.nanoTime();
    CompletableFuture<Void> ready = new CompletableFuture<>();
    CompletableFuture<List<JsonObject>> steps = follow(id, hanoi, ready);
    ready.get(10, TimeUnit.SECONDS);

    String code1 = AdminFixtures.wardCode();
    String code2 = AdminFixtures.wardCode();
    String csv = "code,name,level,parent_code\n" + code1 + ",Phường Tiến Độ " + code1 + ",commune,01\n"
        + code2 + ",Phường Tiến Độ " + code2 + ",commune,01\n";
    Http.Response r = http.raw("POST", "/api/admin/units/01/import?progress=" + id, csv, "text/csv", hanoi);
    assertEquals(2, r.json().getInteger("created"), r.toString());

    List<JsonObject> seen = steps.get(10, TimeUnit.SECONDS);
    List<String> names = seen.stream().map(s -> s.getString("step")).toList();
    assertEquals(List.of("read", "checked", "renamed", "created", "done"), names, seen.toString());
    JsonObject created = seen.get(3);
    assertEquals(2, created.getInteger("done"));
    assertEquals(2, created.getInteger("total"));
    assertEquals(2, seen.get(0).getInteger("total"), "two rows read");
    assertTrue(seen.stream().allMatch(s -> s.fieldNames().equals(java.util.Set.of("step", "done", "total"))),
        "steps carry counts only: " + seen);
  }

  @Test
  void a_stream_only_follows_its_own_users_imports_and_needs_a_sign_in_and_a_well_formed_id() throws Exception {
    String hanoi = http.login("hanoi-admin");
    String daklak = http.login("daklak-admin");
    String id = "stranger" + System.nanoTime();
    CompletableFuture<Void> ready = new CompletableFuture<>();
    CompletableFuture<List<JsonObject>> strangers = follow(id, daklak, ready);
    ready.get(10, TimeUnit.SECONDS);
    String code = AdminFixtures.wardCode();
    String csv = "code,name,level,parent_code\n" + code + ",Phường Người Lạ " + code + ",commune,01\n";
    assertEquals(1, http.raw("POST", "/api/admin/units/01/import?progress=" + id, csv, "text/csv", hanoi)
        .json().getInteger("created"));
    // Dak Lak's own dry run on the same id ends the stream: what it saw before is only its own steps.
    String own = "code,name,level,parent_code\n" + AdminFixtures.wardCode() + ",Phường Thử,commune,66\n";
    assertEquals(200, http.raw("POST", "/api/admin/units/66/import?dryRun=true&progress=" + id, own, "text/csv", daklak).status());
    List<JsonObject> seen = strangers.get(10, TimeUnit.SECONDS);
    assertEquals(List.of("read", "checked", "done"), seen.stream().map(s -> s.getString("step")).toList(),
        "only the stream owner's dry run: " + seen);
    assertEquals(1, seen.get(0).getInteger("total"));

    assertEquals(401, http.get("/events/imports/" + id, null).status());
    assertTrue(http.get("/events/imports/short", hanoi).isProblem(400, "bad-progress-id"));
  }
}
