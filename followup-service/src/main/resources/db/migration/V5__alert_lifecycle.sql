-- An urgent alert's life: OPEN, ACKNOWLEDGED (handled_at, handled_by: someone is on it, escalations stop), then
-- CLOSED with the clinician's note on what was done. The note is staff text about a patient: shown to staff,
-- never logged or published.
alter table follow_up_answer add column closed_at timestamptz;
alter table follow_up_answer add column closed_by text;
alter table follow_up_answer add column close_note text;
