-- The municipality decision's status (classify.decide.STATUSES) and its reason's parameters (JSON,
-- e.g. the years of an expired program, the period a page states): the exports word them, the
-- database keeps no prose. Rows decided before this migration have no status: readers derive it.
ALTER TABLE decisions ADD COLUMN status TEXT;
ALTER TABLE decisions ADD COLUMN reason_params_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(reason_params_json));
