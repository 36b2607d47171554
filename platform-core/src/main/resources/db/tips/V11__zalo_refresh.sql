-- Zalo's OA access token expires (about 25 hours); its refresh token (single use) and the app's
-- secret key renew it (issue 18 item 6). Both are sealed like the access token, under the
-- webhook-secrets key with "zalo-oauth:channel:<id>" as associated data; NULL for Facebook pages
-- and for OAs whose officers gave no refresh token. tips V10 is reply images.
ALTER TABLE channel_webhook_secret ADD COLUMN refresh_sealed bytea;
-- When Zalo said the current access token ends (from expires_in); informative.
ALTER TABLE channel_webhook_secret ADD COLUMN access_token_expires_at timestamptz;
