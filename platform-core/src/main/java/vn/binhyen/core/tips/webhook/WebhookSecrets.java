package vn.binhyen.core.tips.webhook;

/** A receiving channel's secrets in clear (only in memory): the signing secret and Zalo's app id. */
public record WebhookSecrets(long channelId, String secret, String appId) {}
