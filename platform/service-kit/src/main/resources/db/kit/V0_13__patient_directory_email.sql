-- The patient's email as the referral gave it: the attendee of the visit's calendar entry (.ics). Like the rest of
-- the directory, never written to logs, audit entries, dead letters or metrics.
alter table patient_directory add column email text;
