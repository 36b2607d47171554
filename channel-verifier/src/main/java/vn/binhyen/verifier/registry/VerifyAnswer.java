package vn.binhyen.verifier.registry;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import vn.binhyen.verifier.signing.Attestation;

/**
 * The one answer to a citizen's question. {@code channel} is the registry's record when the
 * question named a known channel; {@code claims} is what a token says (trust it only when the
 * verdict is {@link Verdict#OFFICIAL}); {@code impostor} is the impostor check's answer, if run.
 */
public record VerifyAnswer(Verdict verdict, Kind kind, String reason, String detail, String normalizedId,
    String unitCode, String unitName, Instant since, RegistryEntry channel, Attestation claims, List<String> chain,
    Long logIndex, List<RegistryEntry> matches, JsonObject impostor) {

  /** What the answer says. */
  public enum Verdict { OFFICIAL, REVOKED, SUSPENDED, EXPIRED, NOT_REGISTERED, INVALID_TOKEN, NAME_ONLY }

  /** What the question was read as. */
  public enum Kind { TOKEN, LINK, NAME }

  public VerifyAnswer withImpostor(JsonObject answer) {
    return new VerifyAnswer(verdict, kind, reason, detail, normalizedId, unitCode, unitName, since, channel, claims,
        chain, logIndex, matches, answer);
  }
}
