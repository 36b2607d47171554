package vn.binhyen.verifier.impostor;

import io.vertx.core.json.JsonObject;

/**
 * The tunable limits of impostor scoring, read from configuration (section {@code impostor}).
 *
 * @param suspectThreshold        score from which an unregistered channel is a suspected impostor
 * @param nameSimilarityThreshold trigram similarity from which a name resembles an official name
 * @param maxHandleEditDistance   largest edit distance between a handle and an official one
 * @param handleLengthPerEdit     handle characters needed per allowed edit (short handles get fewer)
 * @param minDomainCoreLength     shortest official domain core ("bocongan") matched inside another
 * @param maxResemblances         how many resembling channels to return
 * @param maxNamedUnitChannels    how many channels of a named unit to return
 */
public record ScoringThresholds(double suspectThreshold, double nameSimilarityThreshold, int maxHandleEditDistance,
                                int handleLengthPerEdit, int minDomainCoreLength, int maxResemblances,
                                int maxNamedUnitChannels) {

    public static final ScoringThresholds DEFAULTS = new ScoringThresholds(0.5, 0.8, 2, 5, 5, 5, 10);

    public ScoringThresholds {
        if (suspectThreshold <= 0 || suspectThreshold > 1) {
            throw new IllegalArgumentException("suspectThreshold must be in (0, 1]: " + suspectThreshold);
        }
        if (nameSimilarityThreshold <= 0 || nameSimilarityThreshold > 1) {
            throw new IllegalArgumentException("nameSimilarityThreshold must be in (0, 1]: " + nameSimilarityThreshold);
        }
        if (maxHandleEditDistance < 0 || handleLengthPerEdit < 1 || minDomainCoreLength < 3
                || maxResemblances < 1 || maxNamedUnitChannels < 1) {
            throw new IllegalArgumentException("invalid impostor scoring limits");
        }
    }

    /** Reads the thresholds from configuration; a missing key keeps its default. */
    public static ScoringThresholds fromJson(JsonObject json) {
        ScoringThresholds d = DEFAULTS;
        if (json == null) {
            return d;
        }
        return new ScoringThresholds(
                json.getDouble("suspectThreshold", d.suspectThreshold()),
                json.getDouble("nameSimilarityThreshold", d.nameSimilarityThreshold()),
                json.getInteger("maxHandleEditDistance", d.maxHandleEditDistance()),
                json.getInteger("handleLengthPerEdit", d.handleLengthPerEdit()),
                json.getInteger("minDomainCoreLength", d.minDomainCoreLength()),
                json.getInteger("maxResemblances", d.maxResemblances()),
                json.getInteger("maxNamedUnitChannels", d.maxNamedUnitChannels()));
    }

    /** The edit distance allowed for a handle of this length. */
    int editsAllowed(int handleLength) {
        return Math.min(maxHandleEditDistance, handleLength / handleLengthPerEdit);
    }
}
