package vn.binhyen.verifier;

import vn.binhyen.core.config.Settings;

/**
 * The verifier's own keys, read from the node's settings (docs/configuration.md): the per-client
 * limit of public verifications (0 turns it off, for benchmarks), whether verified tokens are
 * remembered, whether {@code /api/public/verify} is served ahead of the contract validator, and
 * the benchmark's hello-world route, and the per-client limit of camera frames sent to be decoded. A present but unusable value stops start-up naming its key
 * (before, a bad {@code BINHYEN_VERIFY_PER_MINUTE} silently became 600).
 */
public record VerifierSettings(int verifyPerMinute, boolean rememberTokens, boolean fastPath, boolean benchRoutes,
    int qrDecodePerMinute) {

  public static VerifierSettings from(Settings s) {
    return new VerifierSettings(
        s.integer("BINHYEN_VERIFY_PER_MINUTE", 600, 0, 1_000_000_000),
        s.bool("BINHYEN_VERIFY_REMEMBER_TOKENS", true),
        s.bool("BINHYEN_VERIFY_FAST_PATH", true),
        s.bool("BINHYEN_BENCH_ROUTES", false),
        s.integer("BINHYEN_QR_DECODE_PER_MINUTE", 240, 0, 1_000_000));
  }
}
