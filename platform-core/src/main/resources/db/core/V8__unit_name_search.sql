-- Citizens find their unit by name ("ba dinh", "P. Ba Đình", "phuong ba dinh"): every word of the
-- folded query must be the start of a word of the folded name. A GIN full-text index over the
-- folded name with the 'simple' configuration (no stemming, no stop words, no extension needed)
-- answers such word-prefix queries (to_tsquery('simple', 'ba:* & dinh:*')) for current and closed
-- units alike; a closed unit's name leads to its successors (tenant_successor's primary key).
-- Backs TenantRepository.SEARCH_BY_NAME, which must use the same expression.
CREATE INDEX tenant_name_words ON tenant USING gin (to_tsvector('simple', name_folded));
