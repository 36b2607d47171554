package vn.binhyen.core.channel;

import java.time.OffsetDateTime;

/** A page, account or group on a platform, owned by one tenant. */
public record Channel(long id, long tenantId, String tenantPath, Platform platform,
    String normalizedId, String url, String displayName, ChannelStatus status, String serves,
    String admins, boolean archived, String statusReason, OffsetDateTime verifiedAt,
    OffsetDateTime createdAt) {}
