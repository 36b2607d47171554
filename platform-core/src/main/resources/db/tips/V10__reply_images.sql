-- Officers' replies with a photo (issue 18 item 5): the photo is stored like a tip's attachment
-- (content-addressed, metadata stripped) and names the reply it belongs to; NULL is what the
-- citizen sent. tips V9 is reply receipts.
ALTER TABLE tip_attachment ADD COLUMN reply_event_id bigint REFERENCES tip_event (id);
-- The delivery of a reply finds its photo.
CREATE INDEX tip_attachment_reply ON tip_attachment (reply_event_id) WHERE reply_event_id IS NOT NULL;
-- Messenger carries text and a photo as two messages: the text goes first, and its id is kept
-- here so that a retry after the photo's failure does not send the text again; platform_message_id
-- is then the photo's message. A receipt may name either.
ALTER TABLE tip_reply_delivery ADD COLUMN text_message_id text;
CREATE INDEX tip_reply_delivery_text_message ON tip_reply_delivery (text_message_id)
  WHERE text_message_id IS NOT NULL;
