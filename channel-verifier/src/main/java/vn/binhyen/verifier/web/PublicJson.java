package vn.binhyen.verifier.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import vn.binhyen.verifier.registry.RegistryEntry;
import vn.binhyen.verifier.registry.VerifyAnswer;

/** JSON of the verifier's public answers, at the HTTP edge only. */
final class PublicJson {

  private PublicJson() {
  }

  /** The link a QR code carries: the citizen page with the token. */
  static String verifyUrl(String publicUrl, String token) {
    return publicUrl + "/verify?t=" + URLEncoder.encode(token, StandardCharsets.US_ASCII);
  }

  static JsonObject channel(RegistryEntry e, String publicUrl) {
    return channel(e, publicUrl, true);
  }

  /** A channel; answers to a question leave its token out (it is at /api/public/channels/{id}). */
  static JsonObject channel(RegistryEntry e, String publicUrl, boolean withToken) {
    return new JsonObject()
        .put("id", e.channelId())
        .put("platform", e.platform().id())
        .put("platformLabel", e.platform().labelVi())
        .put("platformLabelEn", e.platform().labelEn())
        .put("normalizedId", e.normalizedId())
        .put("url", e.url())
        .put("displayName", e.displayName())
        .put("status", e.status().id())
        .put("statusReason", e.statusReason())
        .put("since", text(e.since()))
        .put("unit", new JsonObject().put("code", e.tenantCode()).put("name", e.tenantName()))
        .put("token", withToken ? e.token() : null)
        .put("jti", e.jti())
        .put("kid", e.kid())
        .put("logIndex", e.logIndex())
        .put("issuedAt", text(e.issuedAt()))
        .put("expiresAt", text(e.expiresAt()));
  }

  static JsonObject answer(VerifyAnswer a, String publicUrl) {
    JsonObject out = new JsonObject()
        .put("verdict", a.verdict().name())
        .put("kind", a.kind().name().toLowerCase(java.util.Locale.ROOT))
        .put("reason", a.reason())
        .put("detail", a.detail())
        .put("normalizedId", a.normalizedId())
        .put("since", text(a.since()))
        .put("chain", new JsonArray(a.chain()))
        .put("logIndex", a.logIndex());
    if (a.unitCode() != null) {
      out.put("unit", new JsonObject().put("code", a.unitCode()).put("name", a.unitName()));
    }
    if (a.channel() != null) {
      out.put("channel", channel(a.channel(), publicUrl, false));
    }
    if (a.claims() != null) {
      out.put("claims", a.claims().claims());
    }
    if (!a.matches().isEmpty()) {
      JsonArray matches = new JsonArray();
      a.matches().forEach(m -> matches.add(channel(m, publicUrl, false)));
      out.put("matches", matches);
    }
    if (a.impostor() != null) {
      out.put("impostor", a.impostor());
    }
    if (a.alert() != null) {
      out.put("alert", a.alert());
    }
    return out;
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }
}
