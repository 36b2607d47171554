package vn.binhyen.verifier.registry;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import vn.binhyen.verifier.signing.Attestation;

/**
 * The one answer to a citizen's question. {@code channel} is the registry's record when the
 * question named a known channel; {@code claims} is what a token says (trust it only when the
 * verdict is {@link Verdict#OFFICIAL}); {@code impostor} is the impostor check's answer, if run;
 * {@code alert} the alert's public facts when the question was an alert's token or link and its
 * signature held.
 */
public record VerifyAnswer(Verdict verdict, Kind kind, String reason, String detail, String normalizedId,
    String unitCode, String unitName, Instant since, RegistryEntry channel, Attestation claims, List<String> chain,
    Long logIndex, List<RegistryEntry> matches, JsonObject impostor, JsonObject alert) {

  /** What the answer says. {@code CANCELLED} is for alerts withdrawn or replaced by an update. */
  public enum Verdict { OFFICIAL, REVOKED, SUSPENDED, EXPIRED, CANCELLED, NOT_REGISTERED, INVALID_TOKEN, NAME_ONLY }

  /** What the question was read as. */
  public enum Kind { TOKEN, LINK, NAME, ALERT }

  /** An answer about a channel, a token of a channel or a name (no alert). */
  public VerifyAnswer(Verdict verdict, Kind kind, String reason, String detail, String normalizedId,
      String unitCode, String unitName, Instant since, RegistryEntry channel, Attestation claims, List<String> chain,
      Long logIndex, List<RegistryEntry> matches, JsonObject impostor) {
    this(verdict, kind, reason, detail, normalizedId, unitCode, unitName, since, channel, claims, chain, logIndex,
        matches, impostor, null);
  }

  public VerifyAnswer withImpostor(JsonObject answer) {
    return new VerifyAnswer(verdict, kind, reason, detail, normalizedId, unitCode, unitName, since, channel, claims,
        chain, logIndex, matches, answer, alert);
  }
}
