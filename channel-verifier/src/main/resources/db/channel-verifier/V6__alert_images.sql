-- Images of alerts (issue 17, "optional images"): an issuer uploads up to four photos (JPEG, PNG,
-- WebP, sniffed by content, metadata stripped) before issuing; the files live under the data
-- folder's alert-images, named by their SHA-256, outside any served path. The alert names them in
-- order, and its signed token binds their SHA-256 (claim img).
CREATE TABLE alert_image (
  sha256      text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),  -- the image's id and file name
  sha1        text NOT NULL,          -- CAP 1.2's resource digest
  media_type  text NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp')),
  size        bigint NOT NULL CHECK (size > 0),
  tenant_path text NOT NULL,          -- the unit that first uploaded it
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE alert ADD COLUMN images text[] NOT NULL DEFAULT '{}';  -- alert_image ids, in order

ALTER TABLE alert_image ENABLE ROW LEVEL SECURITY;
ALTER TABLE alert_image FORCE ROW LEVEL SECURITY;
-- An image in an alert is as public as the alert; uploading needs the uploading unit's scope.
CREATE POLICY alert_image_read ON alert_image FOR SELECT USING (true);
CREATE POLICY alert_image_insert ON alert_image FOR INSERT WITH CHECK (app_in_scope(tenant_path));
GRANT SELECT, INSERT ON alert_image TO binhyen_app;
