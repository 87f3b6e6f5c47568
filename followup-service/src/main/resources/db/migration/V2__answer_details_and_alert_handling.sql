-- What the check-in page asks besides side effects: how the patient feels since the injections, on how many
-- days since then they had a headache (kept apart from headache_days_last30, which the continuation test reads)
-- and their own words. The note is patient data: it is shown to staff, never logged, audited or published.
alter table follow_up_answer add column feeling text;
alter table follow_up_answer add column headache_days_since_visit int;
alter table follow_up_answer add column note text;

-- An urgent answer is an alert for the clinic until a clinician marks it handled.
alter table follow_up_answer add column handled_at timestamptz;
alter table follow_up_answer add column handled_by text;
create index follow_up_answer_urgent on follow_up_answer (answered_at desc) where urgent;
