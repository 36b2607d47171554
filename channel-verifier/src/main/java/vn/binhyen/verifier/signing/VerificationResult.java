package vn.binhyen.verifier.signing;

import java.util.List;
import java.util.Objects;

/**
 * The answer to "is this attestation genuine and current?". {@code attestation} is the decoded
 * payload whenever it parsed, even when the outcome is not {@link Outcome#VALID}: show it then only
 * as "this is what the token claims". {@code chain} lists the kids checked, issuing key first and
 * root last. {@code detail} says in English what failed, for logs and support.
 */
public record VerificationResult(Outcome outcome, Attestation attestation, List<String> chain, String detail) {

  /** What verification concluded, in the order the checks run. */
  public enum Outcome {
    VALID, MALFORMED, UNKNOWN_KEY, BAD_SIGNATURE, KEY_REVOKED, CERTIFICATE_INVALID, ATTESTATION_REVOKED,
    NOT_YET_VALID, EXPIRED
  }

  public VerificationResult {
    Objects.requireNonNull(outcome, "outcome");
    chain = List.copyOf(chain);
  }

  public boolean valid() {
    return outcome == Outcome.VALID;
  }
}
