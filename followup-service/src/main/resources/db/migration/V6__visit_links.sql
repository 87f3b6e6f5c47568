-- The patient's own link to their visit (confirm, cancel, choose another time), as scheduling announced it; the
-- confirmation and the reminders carry it.
alter table appointment add column manage_url text;
