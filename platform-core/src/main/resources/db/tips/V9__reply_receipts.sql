-- Delivery and read receipts of officers' replies (issue 18 item 4): the platforms' webhooks
-- (Messenger message_deliveries / message_reads, Zalo user_received_message / user_seen_message)
-- move a sent reply on to delivered and read; never back.
ALTER TABLE tip_reply_delivery DROP CONSTRAINT tip_reply_delivery_status_check;
ALTER TABLE tip_reply_delivery ADD CONSTRAINT tip_reply_delivery_status_check
  CHECK (status IN ('queued', 'sent', 'delivered', 'read', 'held', 'failed'));
-- When the platform accepted the reply: Messenger's receipts carry a watermark (every message
-- sent before it was delivered or read), compared with this.
ALTER TABLE tip_reply_delivery ADD COLUMN sent_at timestamptz;
-- A receipt names the platform's message ids.
CREATE INDEX tip_reply_delivery_platform_message ON tip_reply_delivery (platform_message_id)
  WHERE platform_message_id IS NOT NULL;
