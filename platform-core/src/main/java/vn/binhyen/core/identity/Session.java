package vn.binhyen.core.identity;

/** What a successful log-in or refresh hands out ({@code sessionId} names the refresh-token family). */
public record Session(String accessToken, String refreshToken, long expiresInSeconds,
    long refreshExpiresInSeconds, UserAccount user, String tenantCode, String tenantName,
    String sessionId) {}
