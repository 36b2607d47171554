package vn.binhyen.verifier.impostor;

/** An official channel the checked page looks like, with a similarity from 0 to 1. */
public record Resemblance(OfficialChannel channel, double similarity) {
}
