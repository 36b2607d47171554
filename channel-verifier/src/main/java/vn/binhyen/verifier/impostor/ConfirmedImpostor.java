package vn.binhyen.verifier.impostor;

import java.time.Instant;
import java.util.Objects;

/** A channel a police unit has confirmed as an impostor and published. */
public record ConfirmedImpostor(String normalizedId, String displayName, String unitCode, Instant confirmedAt) {

    public ConfirmedImpostor {
        Objects.requireNonNull(normalizedId, "normalizedId");
    }
}
