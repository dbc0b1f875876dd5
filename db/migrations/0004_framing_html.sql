-- A round's framing text becomes rich text, kept as sanitized HTML: plain text stored before
-- becomes escaped paragraphs (blank lines separated them; single line breaks are kept).
UPDATE "consultation_rounds"
SET "framing" = '<p>' || replace(replace(replace(replace(replace(replace("framing", E'\r\n', E'\n'), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), E'\n\n', '</p><p>'), E'\n', '<br />') || '</p>'
WHERE "framing" <> '' AND "framing" !~ '^\s*<';
