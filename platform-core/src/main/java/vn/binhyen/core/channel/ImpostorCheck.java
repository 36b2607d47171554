package vn.binhyen.core.channel;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Impostor scoring, offered by the impostor part of channel-verifier so that the verification
 * API can answer for names and unregistered links without depending on it directly. The answer
 * has at least {@code verdict}, {@code score}, {@code reasons} and {@code resembles}.
 */
public interface ImpostorCheck {
  Future<JsonObject> check(String link, String name, String about);
}
