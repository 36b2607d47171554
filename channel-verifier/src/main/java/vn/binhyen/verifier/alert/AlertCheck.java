package vn.binhyen.verifier.alert;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.verifier.registry.AlertQuestions;
import vn.binhyen.verifier.registry.VerifyAnswer;
import vn.binhyen.verifier.registry.VerifyAnswer.Kind;
import vn.binhyen.verifier.registry.VerifyAnswer.Verdict;
import vn.binhyen.verifier.signing.AttestationVerifier;
import vn.binhyen.verifier.signing.CompactJws;
import vn.binhyen.verifier.signing.KeyDirectory;
import vn.binhyen.verifier.signing.VerificationResult.Outcome;
import vn.binhyen.verifier.signing.VerifyingKey;

/**
 * Answers "is this alert genuine and current?" for an alert's token, its cancellation's token or
 * its link ({@code /alerts/{id}}): the signature and the key chain as for attestations, then the
 * alert's state as stored (cancelled, replaced by an update, expired). A presented token must be
 * the very token the platform issued for that id. Reads one row per question (alerts are few and
 * the verify endpoint is rate-limited).
 */
public final class AlertCheck implements AlertQuestions {

  private static final Pattern LINK = Pattern.compile(
      "(?i:https?://([^/?#:]+)(?::\\d+)?)?/?(?:api/public/)?alerts/([A-Za-z0-9_-]{11})(?:\\.cap)?/?(?:[?#].*)?");
  private static final Pattern TOKEN = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

  private final AlertService alerts;
  private final KeyDirectory keys;
  private final String siteHost;

  /** {@code publicUrl}: a link is an alert's only on this site (or without a host). */
  public AlertCheck(AlertService alerts, KeyDirectory keys, String publicUrl) {
    this.alerts = alerts;
    this.keys = keys;
    String host = java.net.URI.create(publicUrl).getHost();
    this.siteHost = host == null ? "" : host.toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public Optional<Future<VerifyAnswer>> answer(String question) {
    if (TOKEN.matcher(question).matches()) {
      // Attestation tokens are the hot path: look at the header alone before parsing anything more.
      if (!alertHeader(question)) {
        return Optional.empty();
      }
      CompactJws.Parsed jws;
      try {
        jws = CompactJws.parse(question);
      } catch (DomainError.Invalid malformed) {
        return Optional.of(Future.succeededFuture(invalid("MALFORMED", malformed.getMessage())));
      }
      return Optional.of(byToken(question, jws));
    }
    Matcher link = LINK.matcher(question);
    // Another site's /alerts/... (a Facebook page called "alerts") is a channel question, not ours.
    if (link.matches() && (link.group(1) == null || siteHost.equals(link.group(1).toLowerCase(java.util.Locale.ROOT)))) {
      String id = link.group(2);
      return Optional.of(alerts.byId(id).map(a -> answer(a, a.token(), Kind.ALERT))
          .recover(e -> e instanceof DomainError.NotFound
              ? Future.succeededFuture(invalid("UNKNOWN_ALERT", "no alert " + id))
              : Future.failedFuture(e)));
    }
    return Optional.empty();
  }

  private static boolean alertHeader(String token) {
    try {
      String header = new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
          java.nio.charset.StandardCharsets.UTF_8);
      return AlertTokens.TYP.equals(new JsonObject(header).getValue("typ"));
    } catch (RuntimeException notJson) {
      return false;
    }
  }

  private Future<VerifyAnswer> byToken(String token, CompactJws.Parsed jws) {
    JsonObject claims = jws.payload();
    boolean cancellation = AlertTokens.KIND_CANCEL.equals(claims.getValue("kind"));
    Object id = cancellation ? claims.getValue("ref") : claims.getValue("jti");
    if (!(id instanceof String alertId)) {
      return Future.succeededFuture(invalid("MALFORMED", "an alert token names its alert in jti (ref for a cancellation)"));
    }
    return alerts.byId(alertId).map(alert -> {
      String issued = cancellation ? alert.cancelToken() : alert.token();
      if (!token.equals(issued)) {
        return invalid("UNKNOWN_ALERT", "not the token the platform issued for alert " + alertId);
      }
      return answer(alert, token, Kind.ALERT);
    }).recover(e -> e instanceof DomainError.NotFound
        ? Future.succeededFuture(invalid("UNKNOWN_ALERT", "no alert " + alertId))
        : Future.failedFuture(e));
  }

  /** The answer for a stored alert, checking {@code token} (the alert's or its cancellation's). */
  VerifyAnswer answer(Alert alert, String token, Kind kind) {
    CompactJws.Parsed jws = CompactJws.parse(token);
    long iat = ((Number) jws.payload().getValue("iat")).longValue();
    AttestationVerifier.Signer signer = AttestationVerifier.checkSigner(jws, alert.tenantCode(), iat, within(alert));
    if (signer.outcome() != Outcome.VALID) {
      Verdict verdict = signer.outcome() == Outcome.KEY_REVOKED ? Verdict.REVOKED : Verdict.INVALID_TOKEN;
      return new VerifyAnswer(verdict, kind, signer.outcome().name(), signer.detail(), null, null, null, null, null,
          null, signer.chain(), null, List.of(), null, null);
    }
    Alert.State state = alert.state(Instant.now());
    Verdict verdict = switch (state) {
      case ACTIVE -> Verdict.OFFICIAL;
      case CANCELLED, UPDATED -> Verdict.CANCELLED;
      case EXPIRED -> Verdict.EXPIRED;
    };
    String reason = switch (state) {
      case ACTIVE -> "VALID";
      case CANCELLED -> "CANCELLED";
      case UPDATED -> "REPLACED";
      case EXPIRED -> "EXPIRED";
    };
    String detail = switch (state) {
      case ACTIVE -> "a current alert of " + alert.tenantCode() + ", signature and chain checked";
      case CANCELLED -> "cancelled by " + alert.tenantCode() + (alert.cancelReason() == null ? "" : ": " + alert.cancelReason());
      case UPDATED -> "replaced by the update " + alert.replacedBy();
      case EXPIRED -> "expired at " + alert.expiresAt();
    };
    return new VerifyAnswer(verdict, kind, reason, detail, null, alert.tenantCode(), alert.tenantName(),
        alert.issuedAt(), null, null, signer.chain(), alert.logIndex(), List.of(), null,
        facts(alert, state).put("claims", jws.payload()));
  }

  /** What the page and third parties show about an alert whose signature held. */
  static JsonObject facts(Alert a, Alert.State state) {
    JsonArray scope = new JsonArray();
    for (int i = 0; i < a.scopeCodes().size(); i++) {
      scope.add(new JsonObject().put("code", a.scopeCodes().get(i)).put("name", a.scopeNames().get(i)));
    }
    return new JsonObject()
        .put("id", a.id())
        .put("state", state.name().toLowerCase(java.util.Locale.ROOT))
        .put("title", a.title())
        .put("body", a.body())
        .put("titleEn", a.titleEn())
        .put("bodyEn", a.bodyEn())
        .put("severity", a.severity().id())
        .put("category", a.category())
        .put("subtree", a.subtree())
        .put("scope", scope)
        .put("issuedAt", a.issuedAt().toString())
        .put("expiresAt", a.expiresAt().toString())
        .put("replaces", a.replaces())
        .put("replacedBy", a.replacedBy())
        .put("cancelledAt", a.cancelledAt() == null ? null : a.cancelledAt().toString())
        .put("cancelReason", a.cancelReason())
        .put("cancelLogIndex", a.cancelLogIndex())
        .put("kid", a.kid())
        .put("page", "/alerts/" + a.id())
        .put("cap", "/api/public/alerts/" + a.id() + ".cap")
        .put("images", images(a));
  }

  /** The alert's images: number, public path, type, size and SHA-256 (hex; the token's img claim in base64url). */
  static JsonArray images(Alert a) {
    JsonArray out = new JsonArray();
    for (int n = 1; n <= a.images().size(); n++) {
      AlertImage i = a.images().get(n - 1);
      out.add(new JsonObject().put("n", n).put("url", imagePath(a.id(), n)).put("mediaType", i.mediaType())
          .put("size", i.size()).put("sha256", i.sha256()));
    }
    return out;
  }

  /** The public path of the alert's image {@code n} (from 1). */
  static String imagePath(String id, int n) {
    return "/api/public/alerts/" + id + "/images/" + n;
  }

  private static VerifyAnswer invalid(String reason, String detail) {
    return new VerifyAnswer(Verdict.INVALID_TOKEN, Kind.ALERT, reason, detail, null, null, null, null, null, null,
        List.of(), null, List.of(), null, null);
  }

  /**
   * The key directory with the issuer's place in the hierarchy known from the stored alert: a
   * province key covers the units whose path names the province.
   */
  private KeyDirectory within(Alert alert) {
    List<String> path = Arrays.asList(alert.tenantPath().split("/"));
    return new KeyDirectory() {
      @Override public Optional<VerifyingKey> publicKey(String kid) { return keys.publicKey(kid); }
      @Override public boolean isRoot(String kid) { return keys.isRoot(kid); }
      @Override public Optional<String> certificate(String kid) { return keys.certificate(kid); }
      @Override public boolean isKeyRevoked(String kid) { return keys.isKeyRevoked(kid); }
      @Override public boolean isAttestationRevoked(String jti) { return false; }
      @Override public boolean covers(String certified, String tenantCode) {
        return certified.equals(tenantCode) || tenantCode.equals(alert.tenantCode()) && path.contains(certified);
      }
    };
  }
}
