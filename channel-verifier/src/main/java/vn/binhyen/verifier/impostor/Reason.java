package vn.binhyen.verifier.impostor;

/**
 * One machine-readable reason behind a verdict: a stable code (e.g. {@code HANDLE_TYPOSQUAT}), a
 * message in Vietnamese and in English for citizens, the weight it added to the suspicion score,
 * and the technical detail for officers (edit distances, similarities; empty when there is none),
 * kept out of the messages.
 */
public record Reason(String code, String messageVi, String messageEn, double weight, String technical) {

    public Reason {
        technical = technical == null ? "" : technical;
    }

    public Reason(String code, String messageVi, String messageEn, double weight) {
        this(code, messageVi, messageEn, weight, "");
    }
}
