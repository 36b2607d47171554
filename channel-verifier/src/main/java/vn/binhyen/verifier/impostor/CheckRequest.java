package vn.binhyen.verifier.impostor;

/**
 * What a citizen gives us about a page or group they saw: the raw link, its canonical form (as
 * produced by the link normaliser, e.g. {@code facebook.com/conganthudo} or {@code mps.gov.vn}),
 * the display name and the "about" text. Any of them may be null.
 */
public record CheckRequest(String link, String normalizedLink, String name, String about) {

    /** A request with only a canonical link and a name, the common case. */
    public static CheckRequest of(String normalizedLink, String name) {
        return new CheckRequest(null, normalizedLink, name, null);
    }
}
