package vn.binhyen.verifier.impostor;

/**
 * One machine-readable reason behind a verdict: a stable code (e.g. {@code HANDLE_TYPOSQUAT}), a
 * message in Vietnamese and in English, and the weight it added to the suspicion score.
 */
public record Reason(String code, String messageVi, String messageEn, double weight) {
}
