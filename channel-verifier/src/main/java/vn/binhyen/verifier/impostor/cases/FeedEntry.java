package vn.binhyen.verifier.impostor.cases;

import java.time.OffsetDateTime;

/**
 * One confirmed impostor as published in the machine-readable feed: its normalised link and
 * platform, the name it showed, the unit it imitated (the case's unit), when and by which unit it
 * was confirmed, and the transparency-log leaf of the confirmation (null before logging existed).
 */
public record FeedEntry(String link, String platform, String name, String imitatedCode, String imitatedName,
    OffsetDateTime confirmedAt, String confirmedByCode, String confirmedByName, Long logIndex) {}
